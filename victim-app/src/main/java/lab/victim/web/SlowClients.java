package lab.victim.web;

import io.javalin.config.JavalinConfig;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;

/**
 * Limits how long a slow client can hold a connection (and the thread reading it) of the lab's servers: a
 * connection silent for {@link #IDLE_TIMEOUT_MILLIS} is closed, and a request body arriving slower than
 * {@link #MIN_BODY_BYTES_PER_SECOND} is cut off with 408. Jetty's 30 seconds of patience let 300 dripping
 * bodies take every thread of the console for as long. Used by the victim, the attacker and the console.
 */
public final class SlowClients {

    /** A browser's request is sent at once; only a deliberately slow client stays silent this long. */
    public static final long IDLE_TIMEOUT_MILLIS = 5_000;

    /** Far below any loopback client; far above one byte a second. */
    public static final long MIN_BODY_BYTES_PER_SECOND = 4_096;

    private SlowClients() {}

    public static void limit(JavalinConfig config) {
        AtomicReference<Server> server = new AtomicReference<>();
        config.jetty.modifyServer(server::set);
        config.jetty.modifyHttpConfiguration(http -> {
            http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
            http.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        });
        // Javalin makes its connector after the server consumers ran, and just before this event.
        config.events.serverStarting(() -> {
            for (Connector connector : server.get().getConnectors()) {
                if (connector instanceof AbstractConnector withTimeout) {
                    withTimeout.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
                }
            }
        });
    }
}
