package lab.attacker.rebind;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Stands in for the attacker's DNS server in the DNS-rebinding lesson. The browser reaches
 * {@code rebind.localhost:PORT}; this forwarder sends the connections first to the attacker's server (the
 * name's first answer) and, once rebound, to the victim's (the second answer), byte for byte, as a changed
 * IP address would. Existing connections are closed at the switch, as they would time out after a real
 * rebinding, so the browser opens new ones to the new address.
 */
public final class RebindingProxy implements AutoCloseable {

    public static final String HOST_NAME = "rebind.localhost";
    /** Long enough for the switch's own answer to pass, most of the time; the page asks again if it did not. */
    private static final long CLOSE_DELAY_MILLIS = 30;
    /**
     * Connections forwarded at once at most, each holding two threads: a browser opens six per host, and any
     * page can open more to this port; past the bound a new connection is closed at once.
     */
    public static final int MAX_CONNECTIONS = 64;

    private final IntSupplier attackerPort;
    private final IntSupplier victimPort;
    private final AtomicInteger target = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps = Executors.newCachedThreadPool(daemon("rebind-pump"));
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(daemon("rebind-closer"));
    private ServerSocket server;

    /** Ports are read when a connection is made, so the sites may start after the proxy is built. */
    public RebindingProxy(IntSupplier attackerPort, IntSupplier victimPort) {
        this.attackerPort = attackerPort;
        this.victimPort = victimPort;
    }

    public RebindingProxy start(String bindAddress, int port) {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the rebinding forwarder could not listen on " + bindAddress + ":" + port, e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "rebind-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        pointAtAttacker();
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    public String origin() {
        return "http://" + HOST_NAME + ":" + port();
    }

    /**
     * The name resolves to the attacker again (the start of each case). Connections still open to the victim
     * are dropped at once, so that the browser cannot reuse one for the next page.
     */
    public void pointAtAttacker() {
        target.set(0);
        Set.copyOf(open).forEach(RebindingProxy::closeQuietly);
    }

    /** The name now resolves to the victim; connections made so far are dropped shortly. */
    public void pointAtVictim() {
        target.set(1);
        closeOpenConnectionsSoon();
    }

    /** How many connections are being forwarded now. */
    public int openConnections() {
        return open.size() / 2;
    }

    public boolean pointsAtVictim() {
        return target.get() == 1;
    }

    private void closeOpenConnectionsSoon() {
        Set<Socket> existing = Set.copyOf(open);
        // A short delay lets the answer that triggered the switch reach the browser first.
        closer.schedule(
                () -> existing.forEach(RebindingProxy::closeQuietly), CLOSE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (open.size() >= 2 * MAX_CONNECTIONS) {
                    closeQuietly(client);
                    continue;
                }
                int port = target.get() == 1 ? victimPort.getAsInt() : attackerPort.getAsInt();
                Socket upstream = new Socket("127.0.0.1", port);
                open.add(client);
                open.add(upstream);
                pumps.execute(() -> pump(client, upstream));
                pumps.execute(() -> pump(upstream, client));
            } catch (IOException e) {
                // The server socket was closed, or one connection failed: the browser sees a dropped connection.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // Either side closed: close both below.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // Closing a listening socket does not fail in a way worth reporting.
        }
        open.forEach(RebindingProxy::closeQuietly);
        pumps.shutdownNow();
        closer.shutdownNow();
    }
}
