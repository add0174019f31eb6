package lab.victim.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import lab.victim.auth.Session;
import lab.victim.auth.SessionStore;
import lab.victim.data.VictimDatabase;
import lab.victim.defence.DefenceSettings;

/**
 * Flock's live notifications, {@code /ws/messages}: a WebSocket that greets the logged-in user and pushes her
 * private messages. The handshake is authenticated by the session cookie alone, as most real sockets are, and
 * CORS never applies to it: only {@code ws-origin-check} stands between another site's page and the messages.
 *
 * <p>The handshake passes the same request guards as every HTTP request and is journalled like one (status 101
 * when the socket opened, the refusal otherwise). Clients may send two text frames, {@code history} (the
 * messages again) and {@code ping}; anything else gets an error frame, an oversized frame closes the socket
 * with 1009 and a binary frame with 1003. The socket stores nothing.
 */
final class MessageSocket {

    static final String PATH = "/ws/messages";

    /** Far above the longest command; Jetty closes the socket with 1009 above it. */
    static final int MAX_FRAME_CHARS = 1_024;

    /** A socket idle this long is closed; the lab's pages close theirs at once. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final VictimDatabase db;
    private final SessionStore sessions;
    private final DefenceSettings defences;
    private final DefenceFilter defenceFilter;
    private final JournalRecorder recorder;

    MessageSocket(
            VictimDatabase db,
            SessionStore sessions,
            DefenceSettings defences,
            DefenceFilter defenceFilter,
            JournalRecorder recorder) {
        this.db = db;
        this.sessions = sessions;
        this.defences = defences;
        this.defenceFilter = defenceFilter;
        this.recorder = recorder;
    }

    /** Registers the socket, its handshake checks and its limits. */
    void register(JavalinConfig config) {
        config.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setMaxTextMessageSize(MAX_FRAME_CHARS);
            factory.setMaxBinaryMessageSize(MAX_FRAME_CHARS);
            factory.setIdleTimeout(IDLE_TIMEOUT);
        });
        // Javalin snapshots the servlet session of every handshake, which creates one (and a JSESSIONID cookie)
        // per handshake. Flock keeps its own sessions, so the servlet's are never sent as cookies and each is
        // dropped as soon as its handshake is done: a flood of handshakes leaves nothing behind.
        config.jetty.modifyServletContextHandler(
                handler -> handler.getSessionHandler().setUsingCookies(false));
        config.routes.wsBeforeUpgrade(PATH, this::beforeUpgrade);
        config.routes.wsAfterUpgrade(PATH, ctx -> {
            recorder.record(ctx);
            var servletSession = ctx.req().getSession(false);
            if (servletSession != null) {
                servletSession.invalidate();
            }
        });
        config.routes.ws(PATH, this::configure);
    }

    /**
     * The handshake, before the upgrade: the session from the cookie, then every request guard. HTTP's before
     * and after handlers do not run for a handshake, so a refusal is journalled here; throwing it on stops the
     * upgrade and the app's exception handler answers it (the page sees an error event and close code 1006).
     */
    private void beforeUpgrade(Context ctx) {
        CurrentSession.resolve(ctx, sessions, defences);
        try {
            defenceFilter.check(ctx);
        } catch (RefusedByDefence refusal) {
            ctx.attribute(RefusedByDefence.ATTRIBUTE, refusal.defence().key());
            ctx.status(refusal.status());
            recorder.record(ctx);
            // Nothing writes a handler's result after a refused handshake, so the refusal writes its own body.
            ctx.header(RefusedByDefence.HEADER, refusal.defence().key());
            ctx.res().setContentType("application/json");
            try {
                ctx.res()
                        .getOutputStream()
                        .write(ctx.jsonMapper()
                                .toJsonString(
                                        Map.of(
                                                "error",
                                                refusal.getMessage(),
                                                "defence",
                                                refusal.defence().key()),
                                        Map.class)
                                .getBytes(StandardCharsets.UTF_8));
                ctx.res().flushBuffer();
            } catch (IOException gone) {
                // The client left; the journal has the refusal.
            }
            throw refusal;
        }
    }

    private void configure(WsConfig ws) {
        ws.onConnect(this::greet);
        ws.onMessage(ctx -> answer(ctx, ctx.message()));
        ws.onBinaryMessage(ctx -> ctx.closeSession(WsCloseStatus.UNSUPPORTED_DATA, "only text frames are accepted"));
    }

    private void greet(WsContext ctx) {
        Optional<String> user = CurrentSession.ofSocket(ctx).map(Session::user);
        if (user.isEmpty()) {
            ctx.send(Map.of("type", "login-required", "error", "not logged in"));
            ctx.closeSession(WsCloseStatus.POLICY_VIOLATION, "not logged in");
            return;
        }
        var profile = db.profile(user.get()).orElseThrow();
        ctx.send(Map.of(
                "type", "hello",
                "user", profile.username(),
                "displayName", profile.displayName(),
                "email", profile.email()));
        sendHistory(ctx, user.get());
    }

    private void answer(WsContext ctx, String frame) {
        Optional<String> user = CurrentSession.ofSocket(ctx).map(Session::user);
        switch (frame.strip()) {
            case "history" -> user.ifPresent(u -> sendHistory(ctx, u));
            case "ping" -> ctx.send(Map.of("type", "pong"));
            default -> ctx.send(Map.of("type", "error", "error", "unknown command; send history or ping"));
        }
    }

    private void sendHistory(WsContext ctx, String user) {
        for (var message : db.messagesFor(user)) {
            ctx.send(Map.of("type", "message", "message", ProfileController.MessageJson.of(message)));
        }
        ctx.send(Map.of("type", "end-of-history"));
    }
}
