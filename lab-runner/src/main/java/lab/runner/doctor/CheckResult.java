package lab.runner.doctor;

import java.util.Objects;

/**
 * One browser fact as measured: what the lessons assume ({@code expected}) beside what this browser did
 * ({@code observed}), so that a FAIL can be read without the code.
 *
 * @param name     a stable identifier such as {@code lax-by-default}, for tools that compare runs
 * @param status   PASS when the browser behaved as the lessons assume; SKIPPED when this machine lacks what the
 *                 measurement needs (a FAIL would blame the browser for it)
 * @param expected what the lessons assume, in one short sentence
 * @param observed what the browser and the victim's journal showed
 */
public record CheckResult(String name, Status status, String expected, String observed) {

    public enum Status {
        PASS,
        FAIL,
        SKIPPED
    }

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(observed, "observed");
    }

    public static CheckResult of(String name, boolean passed, String expected, String observed) {
        return new CheckResult(name, passed ? Status.PASS : Status.FAIL, expected, observed);
    }

    /** Not measured, and why ({@code observed}), such as a missing tool; neither a pass nor a fail. */
    public static CheckResult skipped(String name, String expected, String why) {
        return new CheckResult(name, Status.SKIPPED, expected, why);
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
