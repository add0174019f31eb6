package lab.scenarios;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A change of Flock's defences in the middle of a case, made by the lab (as a trainer would in the console),
 * never by the page: when the attacker's page reports that it reached the step {@code after}
 * ({@code lab.pause('after')}), the runner applies {@code defences} and lets the page go on. The case's deciding
 * request and its preflight are then read from what reached Flock after the change.
 *
 * @param after    the step the page reports before the change
 * @param defences defence name to value, applied on top of the case's defences
 */
public record CaseSwitch(String after, Map<String, String> defences) {

    public CaseSwitch {
        Objects.requireNonNull(after, "after");
        defences = Collections.unmodifiableMap(new LinkedHashMap<>(defences));
    }

    /** In words: {@code then cors=allowlist}. */
    public String describe() {
        return "then " + changes();
    }

    /** The change in words: {@code cors=allowlist, origin-check=on}. */
    public String changes() {
        return defences.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
