package lab.runner.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import lab.victim.VictimServer;
import lab.victim.defence.Defences;

/**
 * Load on the victim's {@code /api/me}: a fixed number of clients, each on its own keep-alive connection,
 * sending one request after another for a fixed time on loopback, with the journal recording every request.
 * The clients write and read raw HTTP/1.1 so that the load generator, which shares the machine, costs as
 * little as possible. Bounded in time and count, aimed only at the lab's own server on 127.0.0.1.
 */
final class Throughput {

    private static final int MAX_REQUESTS_PER_CONNECTION = 500_000;

    /**
     * @param journalEntries the entries the journal's full record (H2) gained during the test
     * @param journalWindow  how many entries the journal kept in memory at the end (bounded by its capacity)
     */
    record Result(double requestsPerSecond, double p99Millis, long requests, long errors, long journalEntries,
                  int journalWindow, int connections, double seconds) {
    }

    private Throughput() {
    }

    static Result measure(int connections, Duration duration) throws Exception {
        try (VictimServer victim = new VictimServer(Defences.WIDE_OPEN).start("127.0.0.1", 0)) {
            String cookie = logIn("http://127.0.0.1:" + victim.port());
            byte[] request = ("GET /api/me HTTP/1.1\r\nHost: social.localhost:" + victim.port() + "\r\nCookie: " + cookie
                    + "\r\nOrigin: http://evil.localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            victim.journalArchive().flush(10_000);
            long journalBefore = victim.journalArchive().count();
            AtomicLong errors = new AtomicLong();
            List<long[]> latencies = new ArrayList<>();
            long[] counts = new long[connections];
            List<Thread> clients = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            long deadline = System.nanoTime() + duration.toNanos();
            for (int i = 0; i < connections; i++) {
                int client = i;
                long[] own = new long[MAX_REQUESTS_PER_CONNECTION];
                latencies.add(own);
                Thread thread = new Thread(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", victim.port()));
                        socket.setTcpNoDelay(true);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = new BufferedInputStream(socket.getInputStream());
                        start.await();
                        int n = 0;
                        while (System.nanoTime() < deadline && n < own.length) {
                            long t = System.nanoTime();
                            out.write(request);
                            out.flush();
                            if (readResponse(in) != 200) {
                                errors.incrementAndGet();
                            }
                            own[n++] = System.nanoTime() - t;
                        }
                        counts[client] = n;
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                }, "bench-client-" + i);
                clients.add(thread);
                thread.start();
            }
            long began = System.nanoTime();
            start.countDown();
            for (Thread thread : clients) {
                thread.join();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            long total = 0;
            for (long count : counts) {
                total += count;
            }
            double[] all = new double[(int) total];
            int k = 0;
            for (int i = 0; i < connections; i++) {
                for (int j = 0; j < counts[i]; j++) {
                    all[k++] = latencies.get(i)[j] / 1e6;
                }
            }
            victim.journalArchive().flush(30_000);
            long journalEntries = victim.journalArchive().count() - journalBefore;
            return new Result(total / seconds, Stats.percentile(all, 99), total, errors.get(), journalEntries,
                    victim.journal().windowSize(), connections, seconds);
        }
    }

    /** Reads one response (status line, headers, a Content-Length or chunked body) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            int size;
            while ((size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16)) > 0) {
                in.skipNBytes(size);
                readLine(in);
            }
            readLine(in);
        } else if (length > 0) {
            in.skipNBytes(length);
        }
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        if (c == -1 && line.length() == 0) {
            throw new IOException("connection closed");
        }
        return line.toString();
    }

    private static String logIn(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "username=alice&password=" + URLEncoder.encode("wonderland", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }
}
