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
        renderForm(ctx, new LoginPage("", null));
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
        Session session = sessions.create(username);
        ctx.header(
                "Set-Cookie",
                SessionStore.COOKIE_NAME + "=" + session.id() + "; Path=/; HttpOnly" + defenceAttributes());
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx) {
        sessions.end(ctx.cookie(SessionStore.COOKIE_NAME));
        ctx.header("Set-Cookie", SessionStore.COOKIE_NAME + "=; Path=/; Max-Age=0; HttpOnly" + defenceAttributes());
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** What the defences with a session-cookie hook (samesite) append to the cookie, in registry order. */
    private String defenceAttributes() {
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
