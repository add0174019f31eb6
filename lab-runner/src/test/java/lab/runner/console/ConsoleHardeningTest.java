package lab.runner.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import lab.runner.LabServers;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a hostile page in another tab, or a client that misbehaves, cannot do to the console: frame it, take
 * the live journal's slots, or stall the other pages. Loopback only, every wait bounded, every assertion a
 * count or a status.
 */
class ConsoleHardeningTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Socket> sockets = new ArrayList<>();
    private LabServers servers;
    private ConsoleServer console;
    private String host;

    @BeforeEach
    void start() {
        servers = LabServers.start(ScenarioCatalogue.load(), Defences.WIDE_OPEN, 0, 0);
        console = new ConsoleServer(servers).start(LabServers.LOOPBACK, 0);
        host = "lab.localhost:" + console.port();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        console.close();
        servers.close();
    }

    private HttpResponse<String> send(String method, String path, String hostHeader, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                .header("Host", hostHeader);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_answer_of_the_console_refuses_to_be_framed() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                send("GET", "/", host),
                send("GET", "/api/defences", host),
                send("GET", "/no-such-page", host),
                send("GET", "/", "evil.localhost:" + console.port()),
                send("PUT", "/api/defences", host, "Content-Type", "text/plain"),
                send(
                        "POST",
                        "/api/reset",
                        host,
                        "Content-Type",
                        "application/json",
                        "Origin",
                        "http://evil.localhost"));
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 404, 421, 415, 403);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.headers().allValues("X-Frame-Options"))
                    .as(answer.uri() + " " + answer.statusCode())
                    .containsExactly("DENY");
            assertThat(answer.headers().allValues("Content-Security-Policy"))
                    .as(answer.uri() + " " + answer.statusCode())
                    .containsExactly("frame-ancestors 'none'");
        }
    }

    /** Opens the live journal on a raw socket and returns its status line; the socket stays open, unread. */
    private String openStream(Socket socket, String origin) throws IOException {
        socket.connect(new java.net.InetSocketAddress(LabServers.LOOPBACK, console.port()));
        socket.setSoTimeout(10_000);
        socket.getOutputStream()
                .write(("GET /api/journal/events HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/event-stream\r\n"
                                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        StringBuilder line = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    private Socket socket() {
        Socket socket = new Socket();
        sockets.add(socket);
        return socket;
    }

    @Test
    void cross_origin_event_streams_are_refused_with_403_and_take_no_slot() throws Exception {
        for (int i = 0; i < JournalBroadcaster.MAX_CLIENTS + 8; i++) {
            assertThat(openStream(socket(), "http://evil.localhost:7002")).endsWith(" 403 Forbidden");
        }
        assertThat(console.broadcaster().pages()).isZero();
        assertThat(openStream(socket(), null)).endsWith(" 200 OK");
    }

    @Test
    void a_full_console_answers_503_and_a_closed_page_frees_its_slot_without_waiting_for_an_entry() throws Exception {
        List<Socket> open = new ArrayList<>();
        for (int i = 0; i < JournalBroadcaster.MAX_CLIENTS; i++) {
            Socket socket = socket();
            assertThat(openStream(socket, null)).endsWith(" 200 OK");
            open.add(socket);
        }
        assertThat(openStream(socket(), null)).endsWith(" 503 Service Unavailable");

        for (Socket socket : open) {
            socket.close();
        }
        // No journal entry is recorded here: the keep-alive comment finds the closed pages by itself.
        for (int i = 0; i < 200 && console.broadcaster().pages() > 0; i++) {
            Thread.sleep(50);
        }
        assertThat(console.broadcaster().pages()).isZero();
        assertThat(openStream(socket(), null)).endsWith(" 200 OK");
    }

    @Test
    void pages_that_vanish_abruptly_leave_no_sending_thread_behind() throws Exception {
        for (int round = 0; round < 5; round++) {
            List<Socket> open = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Socket socket = socket();
                assertThat(openStream(socket, null)).endsWith(" 200 OK");
                open.add(socket);
            }
            for (Socket socket : open) {
                // A reset, not a polite close: the way a crashed tab or a dropped network goes.
                socket.setSoLinger(true, 0);
                socket.close();
            }
            for (int i = 0; i < 100 && console.broadcaster().pages() > 0; i++) {
                Thread.sleep(50);
            }
        }
        // Each page's sender finds its page gone at the next keep-alive and ends; a sender that wrote to a request
        // the server had already ended would make the web framework loop on its error handler for good.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && (console.broadcaster().pages() > 0 || sendersAlive() > 0)) {
            Thread.sleep(50);
        }
        assertThat(console.broadcaster().pages()).isZero();
        assertThat(sendersAlive())
                .as("console-journal-events threads still running")
                .isZero();
    }

    private static long sendersAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("console-journal-events"))
                .count();
    }

    @Test
    void a_page_that_never_reads_is_dropped_and_the_others_still_get_every_entry() throws Exception {
        Socket stalled = new Socket();
        sockets.add(stalled);
        stalled.setReceiveBufferSize(4096);
        assertThat(openStream(stalled, null)).endsWith(" 200 OK");

        var events = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + "/api/journal/events"))
                        .header("Host", host)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(events.statusCode()).isEqualTo(200);
        AtomicInteger received = new AtomicInteger();
        Thread reader = new Thread(() -> {
            try (Stream<String> lines = events.body()) {
                lines.filter(line -> line.startsWith("data:") && line.contains("/big/"))
                        .forEach(line -> received.incrementAndGet());
            }
        });
        reader.setDaemon(true);
        reader.start();
        for (int i = 0; i < 100 && console.broadcaster().pages() < 2; i++) {
            Thread.sleep(50);
        }
        assertThat(console.broadcaster().pages()).isEqualTo(2);

        // 2,000 entries of 10 KB (20 MB): far more than the stalled page's socket and queue hold together.
        String big = "/big/" + "x".repeat(10_000);
        int sent = 0;
        for (int batch = 0; batch < 100; batch++) {
            // 20 entries (200 KB) at a time: a burst well inside what a reading page may have waiting.
            for (int i = 0; i < 20; i++) {
                servers.victim().journal().record(JournalEntry.observed("GET", big, null, false, null, 200));
            }
            sent += 20;
            // Wait for the reading page to catch up, as the console's own page does; never for the stalled one.
            for (int i = 0; i < 400 && received.get() < sent; i++) {
                Thread.sleep(25);
            }
            assertThat(received.get()).as("entries the reading page got").isEqualTo(sent);
        }
        assertThat(console.broadcaster().pages()).as("pages still fed").isEqualTo(1);
        assertThat(drainUntilClosed(stalled))
                .as("the stalled page's stream was ended")
                .isTrue();
    }

    @Test
    void request_bodies_dripped_byte_by_byte_are_cut_off_and_the_console_keeps_answering() throws Exception {
        List<Socket> drips = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Socket socket = socket();
            socket.connect(new java.net.InetSocketAddress(LabServers.LOOPBACK, console.port()));
            socket.getOutputStream()
                    .write(("PUT /api/defences HTTP/1.1\r\nHost: " + host
                                    + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
            drips.add(socket);
        }
        // One byte per connection every 100 ms: never idle, far below any real client. At most 150 rounds.
        int cutOff = 0;
        for (int round = 0; round < 150 && cutOff < drips.size(); round++) {
            cutOff = 0;
            for (Socket socket : drips) {
                try {
                    socket.getOutputStream().write(' ');
                    socket.getOutputStream().flush();
                    if (socket.getInputStream().available() > 0) {
                        cutOff++;
                    }
                } catch (IOException closedByTheConsole) {
                    cutOff++;
                }
            }
            Thread.sleep(100);
        }
        assertThat(cutOff).as("dripping connections the console cut off").isEqualTo(drips.size());
        assertThat(send("GET", "/api/defences", host).statusCode()).isEqualTo(200);
        assertThat(servers.victim().defences().current()).isEqualTo(Defences.WIDE_OPEN);
    }

    /** Reads what the stalled page was sent, for at most about ten seconds of silence; true if it ended. */
    private static boolean drainUntilClosed(Socket socket) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int i = 0; i < 10_000; i++) {
                if (socket.getInputStream().read(buffer) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        }
        return false;
    }
}
