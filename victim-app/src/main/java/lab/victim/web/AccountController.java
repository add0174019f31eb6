package lab.victim.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lab.victim.auth.LoginTokens;
import lab.victim.auth.PasswordHasher;
import lab.victim.auth.Session;
import lab.victim.auth.SessionStore;
import lab.victim.data.VictimDatabase;
import lab.victim.defence.Defence;
import lab.victim.defence.DefenceSettings;
import lab.victim.defence.Defences;

/**
 * Logging in and out, and the session cookie whose attributes follow the defences with a session-cookie hook
 * (the {@code samesite} defence).
 */
final class AccountController {

    private static final int MAX_FIELD_LENGTH = 200;

    private final VictimDatabase db;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final DefenceSettings defences;
    private final LoginTokens loginTokens;
    /**
     * Checked against when the user does not exist, so that a wrong name takes as long as a wrong password. It
     * is the hash of a random password nobody knows, made once when this code was written: hashing one at every
     * start would cost as much as a login before the first page is served.
     */
    private static final String DECOY_HASH = "pbkdf2-sha512$210000$ZRBlgFq/F6+8TiuYTOuaWA$"
            + "jM30BtRmT++ox9OEtny+E+IRfOm+tO3pdkfXHoqpS1ZH8mibkKUk8JE/lkeZOTq7IBreWaPQLEibaxeAu230Cw";

    AccountController(
            VictimDatabase db,
            SessionStore sessions,
            PasswordHasher hasher,
            DefenceSettings defences,
            LoginTokens loginTokens) {
        this.db = db;
        this.sessions = sessions;
        this.hasher = hasher;
        this.defences = defences;
        this.loginTokens = loginTokens;
    }

    void form(Context ctx) {
        renderForm(
                ctx,
                "",
                null,
                LoginReason.explain(ctx, defenceAttributes()),
                CurrentSession.user(ctx).orElse(null));
    }

    /**
     * {@code POST /session/renew}: "log in again with the current settings" without the password. The logged-in
     * user gets a new session whose cookie carries the attributes the server issues now; the old session ends.
     * The form's CSRF token is always checked here, whatever csrf-token is set to: this is the lab's own
     * convenience, not part of any lesson, and no other site may make it happen.
     */
    void renew(Context ctx) {
        Viewer.requireForPage(ctx);
        Session old = CurrentSession.of(ctx).orElseThrow();
        if (!SessionStore.tokenMatches(old, ctx.formParam(DefenceFilter.CSRF_FIELD))) {
            throw new io.javalin.http.ForbiddenResponse("the form's CSRF token is missing or wrong; reload the page");
        }
        sessions.end(old.id());
        issueCookies(ctx, old.user());
        String back = ctx.formParam("back");
        ctx.redirect(back != null && back.matches("/[A-Za-z0-9/_-]*") ? back : "/", HttpStatus.SEE_OTHER);
    }

    void login(Context ctx) {
        String username =
                Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (username.isEmpty() || password.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderForm(ctx, username, "Enter your username and your password.", null, null);
            return;
        }
        if (username.length() > MAX_FIELD_LENGTH
                || password.length() > MAX_FIELD_LENGTH
                || !passwordMatches(username, password)) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            renderForm(
                    ctx,
                    username.length() > MAX_FIELD_LENGTH ? "" : username,
                    "Wrong username or password.",
                    null,
                    null);
            return;
        }
        issueCookies(ctx, username);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /** A new session for {@code username}: its cookie, and the csrf cookie, with the attributes issued now. */
    private void issueCookies(Context ctx, String username) {
        Defences current = defences.current();
        String attributes = defenceAttributes(current);
        Session session = sessions.create(username, attributes);
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        sessionCookieName(current) + "=" + session.id() + "; Path=/; HttpOnly" + attributes);
        // The csrf cookie holds the token the site's forms carry, for scripts to read, as is usual; only
        // csrf-token=double-submit checks requests against it. Set at every login, so that a login serves every
        // csrf-token mode alike.
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        current.cookiePrefix().cookieName(DefenceFilter.DOUBLE_SUBMIT_COOKIE) + "="
                                + session.csrfToken() + "; Path=/" + attributes);
    }

    void logout(Context ctx) {
        Defences current = defences.current();
        sessions.end(ctx.cookie(sessionCookieName(current)));
        ctx.header(
                "Set-Cookie",
                sessionCookieName(current) + "=; Path=/; Max-Age=0; HttpOnly" + defenceAttributes(current));
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private static String sessionCookieName(Defences current) {
        return current.cookiePrefix().cookieName(SessionStore.COOKIE_NAME);
    }

    /** The attributes a session cookie issued now gets. */
    String defenceAttributes() {
        return defenceAttributes(defences.current());
    }

    /**
     * What the defences with a session-cookie hook (samesite, cookie-prefix) append to the cookie, in registry
     * order, each attribute once (SameSite=None and the __Host- prefix both need Secure).
     */
    private static String defenceAttributes(Defences current) {
        Set<String> attributes = new LinkedHashSet<>();
        for (Defence<?> defence : Defence.values()) {
            for (String attribute : defence.sessionCookieAttributes(current).split("; ")) {
                if (!attribute.isBlank()) {
                    attributes.add(attribute);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        attributes.forEach(attribute -> text.append("; ").append(attribute));
        return text.toString();
    }

    private boolean passwordMatches(String username, String password) {
        Optional<String> stored = db.passwordHash(username);
        boolean matches = hasher.verify(password.toCharArray(), stored.orElse(DECOY_HASH));
        return stored.isPresent() && matches;
    }

    /**
     * Renders the form with a fresh pre-session nonce in a cookie for the form's own path and its token in the form
     * (checked when login-token=on). Lax: the cookie still comes along when the user follows a link to the form.
     */
    private void renderForm(Context ctx, String username, String error, String why, String loggedInAs) {
        String nonce = loginTokens.newNonce();
        ctx.res()
                .addHeader(
                        "Set-Cookie", LoginTokens.COOKIE_NAME + "=" + nonce + "; Path=/login; HttpOnly; SameSite=Lax");
        ctx.header("Cache-Control", "no-store");
        ctx.render(
                "login.jte",
                Map.of("page", new LoginPage(username, error, loginTokens.tokenFor(nonce), why, loggedInAs)));
    }
}
