package lab.victim.defence;

/** A defence that shapes the CORS headers of private {@code /api/*} answers and their preflights. */
@FunctionalInterface
public non-sealed interface CorsContribution<T> extends Enforcement<T> {

    /** Adds this defence's headers for {@code value}; contributions of earlier defences are already in. */
    void contribute(T value, CorsHeaders headers);
}
