package lab.victim.web;

import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.util.Optional;
import lab.victim.auth.Session;
import lab.victim.auth.SessionStore;

/** The live session whose cookie came with the request, resolved once per request. */
final class CurrentSession {

    private static final String ATTRIBUTE = "lab.session";

    private CurrentSession() {}

    static void resolve(Context ctx, SessionStore sessions) {
        sessions.find(ctx.cookie(SessionStore.COOKIE_NAME)).ifPresent(session -> ctx.attribute(ATTRIBUTE, session));
    }

    static Optional<Session> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The session resolved when the socket's handshake was checked. */
    static Optional<Session> ofSocket(WsContext ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    static Optional<String> user(Context ctx) {
        return of(ctx).map(Session::user);
    }
}
