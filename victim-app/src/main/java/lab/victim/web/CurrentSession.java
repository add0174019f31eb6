package lab.victim.web;

import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.util.Optional;
import lab.victim.auth.Session;
import lab.victim.auth.SessionStore;
import lab.victim.defence.DefenceSettings;

/** The live session whose cookie came with the request, resolved once per request. */
final class CurrentSession {

    private static final String ATTRIBUTE = "lab.session";

    private CurrentSession() {}

    /** Reads the session cookie under the name the cookie-prefix defence gives it now. */
    static void resolve(Context ctx, SessionStore sessions, DefenceSettings defences) {
        sessions.find(ctx.cookie(sessionCookieName(defences))).ifPresent(session -> ctx.attribute(ATTRIBUTE, session));
    }

    static String sessionCookieName(DefenceSettings defences) {
        return defences.current().cookiePrefix().cookieName(SessionStore.COOKIE_NAME);
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
