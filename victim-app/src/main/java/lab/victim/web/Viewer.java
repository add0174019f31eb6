package lab.victim.web;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import lab.victim.auth.Session;

/**
 * The logged-in user looking at a page, with the CSRF token the page's forms carry and the SameSite of the
 * session cookie beside the one the server issues now.
 *
 * @param csrfToken      sent with every state-changing form; checked only when csrf-token=on
 * @param cookieSameSite the SameSite the viewer's session cookie was issued with, or null when not known
 * @param serverSameSite the SameSite a cookie issued now would carry
 */
public record Viewer(String user, String csrfToken, String cookieSameSite, String serverSameSite) {

    /** The request attribute holding the attributes a session cookie issued now would carry. */
    static final String SERVER_COOKIE_ATTRIBUTES = "lab.serverCookieAttributes";

    static Viewer of(Session session, Context ctx) {
        String server = ctx.attribute(SERVER_COOKIE_ATTRIBUTES);
        return new Viewer(
                session.user(),
                session.csrfToken(),
                session.issuedSameSite(),
                server == null ? null : Session.sameSiteOf(server));
    }

    /**
     * True when the browser holds a cookie with another SameSite than the server issues now: the browser keeps a
     * cookie's attributes until it gets a new cookie, so a samesite switch changes nothing for it until then.
     */
    public boolean needsNewCookie() {
        return cookieSameSite != null && serverSameSite != null && !cookieSameSite.equals(serverSameSite);
    }

    /** The viewer of a page; anonymous visitors are sent to the login form. */
    static Viewer requireForPage(Context ctx) {
        return CurrentSession.of(ctx).map(session -> of(session, ctx)).orElseThrow(LoginRequired::new);
    }

    /** Thrown when an anonymous visitor asks for a page; the app answers with a redirect to the login form. */
    static final class LoginRequired extends RuntimeException {
        LoginRequired() {
            super("login required", null, false, false);
        }
    }

    /** The user behind an API call; anonymous calls are a 401. */
    static String requireForApi(Context ctx) {
        return CurrentSession.user(ctx).orElseThrow(() -> new UnauthorizedResponse("not logged in"));
    }
}
