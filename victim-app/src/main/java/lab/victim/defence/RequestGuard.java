package lab.victim.defence;

import java.util.Optional;

/** A defence that may refuse a request before any handler sees it. */
@FunctionalInterface
public non-sealed interface RequestGuard<T> extends Enforcement<T> {

    /** Why {@code request} is refused while the defence has {@code value}, or empty to let it through. */
    Optional<Refusal> check(T value, GuardedRequest request);

    /** What a guard answers when it lets a request through. */
    Optional<Refusal> PASS = Optional.empty();

    /** The status and reason of a refused request; the filter adds the defence's name. */
    record Refusal(int status, String reason) {

        public static Optional<Refusal> of(int status, String reason) {
            return Optional.of(new Refusal(status, reason));
        }
    }
}
