package lab.victim.web;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import lab.victim.auth.Session;

/**
 * The logged-in user looking at a page, with the CSRF token the page's forms carry.
 *
 * @param csrfToken sent with every state-changing form; checked only when csrf-token=on
 */
public record Viewer(String user, String csrfToken) {

    static Viewer of(Session session) {
        return new Viewer(session.user(), session.csrfToken());
    }

    /** The viewer of a page; anonymous visitors are sent to the login form. */
    static Viewer requireForPage(Context ctx) {
        return CurrentSession.of(ctx).map(Viewer::of).orElseThrow(LoginRequired::new);
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
