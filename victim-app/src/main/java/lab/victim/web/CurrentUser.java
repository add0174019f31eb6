package lab.victim.web;

import io.javalin.http.Context;
import java.util.Optional;
import lab.victim.auth.SessionStore;

/** The user whose live session cookie came with the request, resolved once per request. */
final class CurrentUser {

    private static final String ATTRIBUTE = "lab.user";

    private CurrentUser() {
    }

    static void resolve(Context ctx, SessionStore sessions) {
        sessions.user(ctx.cookie(SessionStore.COOKIE_NAME)).ifPresent(user -> ctx.attribute(ATTRIBUTE, user));
    }

    static Optional<String> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}
