package lab.victim.web;

import io.javalin.http.Context;
import lab.victim.auth.Session;

/**
 * Why a visitor landed on the login form: a page request that came from another site without the session
 * cookie is sent here with {@code ?why=cookie-withheld}, and the form says what most likely happened.
 */
final class LoginReason {

    static final String COOKIE_WITHHELD = "cookie-withheld";

    private LoginReason() {}

    /** Where to send a page request that arrived without a session: the login form, with the reason if known. */
    static String loginUrlFor(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        boolean fromElsewhere = "cross-site".equals(site) || "same-site".equals(site);
        if (!fromElsewhere || ctx.cookie(lab.victim.auth.SessionStore.COOKIE_NAME) != null) {
            return "/login";
        }
        return "/login?why=" + COOKIE_WITHHELD + "&site=" + site + "&request="
                + java.net.URLEncoder.encode(
                        ctx.method().name() + " " + ctx.path(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The sentence the login form shows, or null when it was opened for no known reason. */
    static String explain(Context ctx, String serverCookieAttributes) {
        if (!COOKIE_WITHHELD.equals(ctx.queryParam("why"))) {
            return null;
        }
        String site = "same-site".equals(ctx.queryParam("site")) ? "same-site" : "cross-site";
        String request = ctx.queryParam("request");
        String what = request != null && request.matches("(GET|POST|PUT|DELETE) /[A-Za-z0-9/_.-]{0,100}")
                ? "Your browser's request " + request
                : "Your browser's last request";
        return what + " came from another site (Sec-Fetch-Site: " + site + ") and arrived without Flock's session"
                + " cookie, so Flock could not tell it was you and did nothing. If you are logged in, the browser"
                + " withheld the cookie: its SameSite attribute does not allow it on this kind of request. Flock"
                + " issues its cookie with SameSite=" + Session.sameSiteOf(serverCookieAttributes)
                + " now; a cookie keeps the SameSite it was issued with until you log in again.";
    }
}
