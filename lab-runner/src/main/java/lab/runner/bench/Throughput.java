package lab.runner.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.victim.VictimServer;
import lab.victim.defence.Defences;

/**
 * Load on the victim's {@code /api/me}: a fixed number of clients, each on its own keep-alive connection,
 * sending one request after another for a fixed time on loopback, with the journal recording every request.
 * The load generator shares the machine with the server it measures, so it costs as little as it can: one
 * thread drives every connection through a selector (as wrk does), writing raw HTTP/1.1 and reading just
 * enough of each answer to find its status and its end. Bounded in time and count, aimed only at the lab's
 * own server on 127.0.0.1.
 */
final class Throughput {

    private static final int MAX_REQUESTS_PER_CONNECTION = 500_000;
    /** How long the requests still under way at the deadline may take to finish. */
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(5);

    static final Duration WARM_UP = Duration.ofSeconds(5);

    /**
     * @param journalEntries the entries the journal's record (H2) wrote during the test
     * @param journalWindow  how many entries the journal kept in memory at the end (bounded by its capacity)
     */
    record Result(
            double requestsPerSecond,
            double p99Millis,
            long requests,
            long errors,
            long journalEntries,
            int journalWindow,
            int connections,
            double seconds,
            double cpuMicrosPerRequest) {}

    /** CPU time of this whole process (server and load generator, both sides of every request), in ns. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private Throughput() {}

    /** A warm-up, then {@code rounds} measured stretches of {@code duration} each, on one server. */
    static List<Result> measure(int connections, Duration duration, int rounds) throws Exception {
        try (VictimServer victim = new VictimServer(Defences.WIDE_OPEN).start("127.0.0.1", 0)) {
            String cookie = logIn("http://127.0.0.1:" + victim.port());
            byte[] request = ("GET /api/me HTTP/1.1\r\nHost: social.localhost:" + victim.port() + "\r\nCookie: "
                            + cookie + "\r\nOrigin: http://evil.localhost\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            // First the same load, not counted: the figures are those of the server as it runs for a workshop,
            // not of its first seconds, while the JIT compiler is still at work on the request path.
            run(victim.port(), request, connections, WARM_UP);
            List<Result> results = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                victim.journalArchive().flush(30_000);
                // Written, not kept: the record is bounded and trims its oldest rows under this load.
                long journalBefore = victim.journalArchive().written();
                long cpuBefore = processCpuNanos();
                Load load = run(victim.port(), request, connections, duration);
                double cpuMicrosPerRequest = (processCpuNanos() - cpuBefore) / 1000.0 / Math.max(1, load.requests());
                victim.journalArchive().flush(30_000);
                long journalEntries = victim.journalArchive().written() - journalBefore;
                results.add(new Result(
                        load.requests() / load.seconds(),
                        Stats.percentile(load.latenciesMillis(), 99),
                        load.requests(),
                        load.errors(),
                        journalEntries,
                        victim.journal().windowSize(),
                        connections,
                        load.seconds(),
                        cpuMicrosPerRequest));
            }
            return results;
        }
    }

    /** What one stretch of load did. */
    private record Load(long requests, long errors, double[] latenciesMillis, double seconds) {}

    private static Load run(int port, byte[] request, int connections, Duration duration) throws IOException {
        List<LoadClient> clients = new ArrayList<>();
        long began;
        long ended;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                LoadClient client = new LoadClient(channel, request);
                channel.register(selector, SelectionKey.OP_READ, client);
                clients.add(client);
            }
            began = System.nanoTime();
            long deadline = began + duration.toNanos();
            for (LoadClient client : clients) {
                client.send(began);
            }
            int busy = clients.size();
            while (busy > 0 && System.nanoTime() < deadline + DRAIN_NANOS) {
                selector.select(100);
                long now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    LoadClient client = (LoadClient) key.attachment();
                    if (!client.read(now)) {
                        continue;
                    }
                    if (client.open() && now < deadline && client.count() < MAX_REQUESTS_PER_CONNECTION) {
                        client.send(now);
                    }
                    if (!client.open() || now >= deadline) {
                        // Done: its last answer is in (or the server closed it, an error).
                        key.cancel();
                        busy--;
                    }
                }
                selector.selectedKeys().clear();
            }
            ended = Math.min(System.nanoTime(), deadline + DRAIN_NANOS);
            for (LoadClient client : clients) {
                client.close();
            }
        }
        long total = 0;
        long errors = 0;
        for (LoadClient client : clients) {
            total += client.count();
            errors += client.errors() + (client.open() ? 0 : 1);
        }
        double[] all = new double[(int) total];
        int k = 0;
        for (LoadClient client : clients) {
            for (int j = 0; j < client.count(); j++) {
                all[k++] = client.latency(j) / 1e6;
            }
        }
        return new Load(total, errors, all, (ended - began) / 1e9);
    }

    private static String logIn(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String form = "username=alice&password=" + URLEncoder.encode("wonderland", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }
}
