package lab.victim.defence;

/** A defence that adds attributes to the session cookie, fixed when the cookie is set at login. */
@FunctionalInterface
public non-sealed interface SessionCookieContribution<T> extends Enforcement<T> {

    /** What {@code value} appends to the {@code Set-Cookie} header, starting with {@code "; "}, or "". */
    String cookieAttributes(T value);
}
