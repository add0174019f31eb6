package lab.scenarios;

import java.util.Objects;

/** The request to the victim that decides a case: the journal is searched for it. */
public record Target(String method, String path) {

    public Target {
        Objects.requireNonNull(method, "target.method");
        Objects.requireNonNull(path, "target.path");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
