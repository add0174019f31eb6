package lab.victim.defence;

/**
 * Where a defence acts on the victim. Every defence has exactly one hook object, which implements one (or
 * more) of the small interfaces below; the victim's generic enforcement points ask every defence in
 * registry order and act on the hooks they understand:
 *
 * <ul>
 *   <li>{@link RequestGuard}: may refuse a request before any handler runs (the web layer's defence filter);
 *   <li>{@link CorsContribution}: adds CORS response headers to private {@code /api/*} answers ({@link CorsPolicy});
 *   <li>{@link SessionCookieContribution}: adds attributes to the session cookie set at login;
 *   <li>{@link ResponseHeaderContribution}: adds headers to every answer of the site.
 * </ul>
 *
 * @param <T> the defence's value type
 */
public sealed interface Enforcement<T>
        permits RequestGuard, CorsContribution, SessionCookieContribution, ResponseHeaderContribution {}
