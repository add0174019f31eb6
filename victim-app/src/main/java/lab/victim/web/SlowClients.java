package lab.victim.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;

/**
 * Limits how long a slow client can hold a connection (and the thread reading it) of the lab's servers: a
 * connection silent for {@link #IDLE_TIMEOUT_MILLIS} is closed, and a request body that, after a grace of
 * {@link #BODY_GRACE_MILLIS}, arrives slower than {@link #MIN_BODY_BYTES_PER_SECOND} is cut off with 408.
 * Jetty's 30 seconds of patience let 300 dripping bodies take every thread of the console for as long. Jetty's
 * own minimum data rate has no grace, so a small body read a few milliseconds late on a busy machine failed;
 * hence the filter below. Used by the victim, the attacker and the console.
 */
public final class SlowClients {

    /** A browser's request is sent at once; only a deliberately slow client stays silent this long. */
    public static final long IDLE_TIMEOUT_MILLIS = 5_000;

    /** Any body may take this long, however small and however busy the machine. */
    public static final long BODY_GRACE_MILLIS = 2_000;

    /** Far below any loopback client; far above one byte now and then. */
    public static final long MIN_BODY_BYTES_PER_SECOND = 4_096;

    private SlowClients() {}

    public static void limit(JavalinConfig config) {
        AtomicReference<Server> server = new AtomicReference<>();
        config.jetty.modifyServer(server::set);
        config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(IDLE_TIMEOUT_MILLIS));
        config.jetty.modifyServletContextHandler(context -> context.addFilter(
                new FilterHolder((request, response, chain) ->
                        chain.doFilter(new RatedRequest((HttpServletRequest) request), response)),
                "/*",
                EnumSet.of(DispatcherType.REQUEST)));
        // Javalin makes its connector after the server consumers ran, and just before this event.
        config.events.serverStarting(() -> {
            for (Connector connector : server.get().getConnectors()) {
                if (connector instanceof AbstractConnector withTimeout) {
                    withTimeout.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
                }
            }
        });
    }

    /** A request whose body must keep up the minimum rate once the grace is over. */
    private static final class RatedRequest extends HttpServletRequestWrapper {
        private ServletInputStream body;

        RatedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new RatedBody(super.getInputStream());
            }
            return body;
        }
    }

    private static final class RatedBody extends ServletInputStream {
        private final ServletInputStream in;
        private final long start = System.nanoTime();
        private long bytes;

        RatedBody(ServletInputStream in) {
            this.in = in;
        }

        private int counted(int n) {
            if (n > 0) {
                bytes += n;
            }
            long late = (System.nanoTime() - start) / 1_000_000 - BODY_GRACE_MILLIS;
            if (late > 0 && bytes < MIN_BODY_BYTES_PER_SECOND * late / 1000 && n >= 0) {
                throw new HttpResponseException(
                        408, "the request body arrives slower than " + MIN_BODY_BYTES_PER_SECOND + " bytes a second");
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            counted(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return counted(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
