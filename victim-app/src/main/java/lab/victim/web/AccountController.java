package lab.victim.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
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
    /**
     * Checked against when the user does not exist, so that a wrong name takes as long as a wrong password. It
     * is the hash of a random password nobody knows, made once when this code was written: hashing one at every
     * start would cost as much as a login before the first page is served.
     */
    private static final String DECOY_HASH = "pbkdf2-sha512$210000$ZRBlgFq/F6+8TiuYTOuaWA$"
            + "jM30BtRmT++ox9OEtny+E+IRfOm+tO3pdkfXHoqpS1ZH8mibkKUk8JE/lkeZOTq7IBreWaPQLEibaxeAu230Cw";

    AccountController(VictimDatabase db, SessionStore sessions, PasswordHasher hasher, DefenceSettings defences) {
        this.db = db;
        this.sessions = sessions;
        this.hasher = hasher;
        this.defences = defences;
    }

    void form(Context ctx) {
        renderForm(
                ctx,
                new LoginPage(
                        "",
                        null,
                        LoginReason.explain(ctx, defenceAttributes()),
                        CurrentSession.user(ctx).orElse(null)));
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
        issueCookie(ctx, old.user());
        String back = ctx.formParam("back");
        ctx.redirect(back != null && back.matches("/[A-Za-z0-9/_-]*") ? back : "/", HttpStatus.SEE_OTHER);
    }

    void login(Context ctx) {
        String username =
                Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (username.isEmpty() || password.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderForm(ctx, new LoginPage(username, "Enter your username and your password."));
            return;
        }
        if (username.length() > MAX_FIELD_LENGTH
                || password.length() > MAX_FIELD_LENGTH
                || !passwordMatches(username, password)) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            renderForm(
                    ctx,
                    new LoginPage(username.length() > MAX_FIELD_LENGTH ? "" : username, "Wrong username or password."));
            return;
        }
        issueCookie(ctx, username);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void issueCookie(Context ctx, String username) {
        String attributes = defenceAttributes();
        Session session = sessions.create(username, attributes);
        ctx.header("Set-Cookie", SessionStore.COOKIE_NAME + "=" + session.id() + "; Path=/; HttpOnly" + attributes);
    }

    void logout(Context ctx) {
        sessions.end(ctx.cookie(SessionStore.COOKIE_NAME));
        ctx.header("Set-Cookie", SessionStore.COOKIE_NAME + "=; Path=/; Max-Age=0; HttpOnly" + defenceAttributes());
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** What the defences with a session-cookie hook (samesite) append to the cookie, in registry order. */
    String defenceAttributes() {
        Defences current = defences.current();
        StringBuilder attributes = new StringBuilder();
        for (Defence<?> defence : Defence.values()) {
            attributes.append(defence.sessionCookieAttributes(current));
        }
        return attributes.toString();
    }

    private boolean passwordMatches(String username, String password) {
        Optional<String> stored = db.passwordHash(username);
        boolean matches = hasher.verify(password.toCharArray(), stored.orElse(DECOY_HASH));
        return stored.isPresent() && matches;
    }

    private static void renderForm(Context ctx, LoginPage page) {
        ctx.render("login.jte", Map.of("page", page));
    }
}
