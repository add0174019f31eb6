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
 *
 * <p>Once rebound, a top-level navigation under the name ({@code Sec-Fetch-Dest: document}: someone opens or
 * reloads the page) points the name back at the attacker first, as a fresh visit gets the attacker's first
 * answer again: so the printed URL works every time, not once. The page's own requests after the switch are
 * never navigations, so they still reach the victim.
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
    /** The browser's side of each connection being forwarded, counted against {@link #MAX_CONNECTIONS}. */
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

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
            throw new CannotListen("the rebinding forwarder could not listen on " + bindAddress + ":" + port, e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "rebind-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        pointAtAttacker();
        return this;
    }

    /** The forwarder's port could not be had (taken, or not allowed). */
    public static final class CannotListen extends IllegalStateException {
        CannotListen(String message, Throwable cause) {
            super(message, cause);
        }
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
        return clients.size();
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
                if (clients.size() >= MAX_CONNECTIONS) {
                    closeQuietly(client);
                    continue;
                }
                clients.add(client);
                open.add(client);
                pumps.execute(() -> connect(client));
            } catch (IOException e) {
                // The server socket was closed: the loop ends.
            }
        }
    }

    /**
     * Sends a new connection where the name leads now. When that is the victim, the first request's head is read
     * first: a navigation points the name back at the attacker before the connection is made.
     */
    private void connect(Socket client) {
        try {
            byte[] head = new byte[0];
            if (target.get() == 1) {
                head = NavigationSniffer.readHead(client);
                if (NavigationSniffer.isNavigation(head)) {
                    // Every other connection to the victim ends; this one goes to the attacker.
                    open.remove(client);
                    pointAtAttacker();
                }
            }
            boolean toVictim = target.get() == 1;
            Socket upstream = new Socket("127.0.0.1", toVictim ? victimPort.getAsInt() : attackerPort.getAsInt());
            open.add(client);
            open.add(upstream);
            if (client.isClosed()) {
                // Closed by a switch while this connection was being made: it must not outlive it.
                closeQuietly(upstream);
            }
            upstream.getOutputStream().write(head);
            pumps.execute(() -> pump(upstream, client));
            if (toVictim) {
                pumpWatchingForNavigation(client, upstream);
            } else {
                pump(client, upstream);
            }
        } catch (IOException e) {
            // One connection failed: the browser sees a dropped connection.
            closeQuietly(client);
            open.remove(client);
            clients.remove(client);
        }
    }

    /**
     * Forwards the browser's bytes to the victim; a navigation on this kept-alive connection (a reload) points
     * the name back at the attacker, which closes the connection before the request is sent, so the browser
     * sends it again on a new connection, which then reaches the attacker.
     */
    private void pumpWatchingForNavigation(Socket from, Socket to) {
        NavigationSniffer sniffer = new NavigationSniffer();
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (sniffer.sawNavigation(buffer, read)) {
                    pointAtAttacker();
                    return;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // Either side closed: close both below.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
            clients.remove(from);
            clients.remove(to);
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
            clients.remove(from);
            clients.remove(to);
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
