package lab.victim.defence;

import java.util.function.BiConsumer;

/**
 * A defence that adds headers to every answer of the site (pages and API alike), before any handler or guard
 * runs, so that a refused answer carries them too: {@code Content-Security-Policy: frame-ancestors}, say.
 */
@FunctionalInterface
public non-sealed interface ResponseHeaderContribution<T> extends Enforcement<T> {

    /** Puts what {@code value} adds to an answer's headers through {@code header} (name, value). */
    void contribute(T value, BiConsumer<String, String> header);
}
