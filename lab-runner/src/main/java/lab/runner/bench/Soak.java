package lab.runner.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import lab.runner.LabCatalogue;
import lab.runner.LabServers;
import lab.runner.console.ConsoleServer;
import lab.victim.defence.Defences;

/**
 * A bounded soak: the servers {@code serve} starts, in this process, take what a stranger's tab could send
 * them (large headers, unknown profile names, {@code no-cors} writes, large loot posts), on loopback only,
 * bounded in count and in time; the heap after a full collection is read before and after, and the console's
 * journal and loot answers are read along the way, the largest kept.
 */
public final class Soak {

    /** Requests in flight at once, as a few busy tabs would have. */
    private static final int IN_FLIGHT = 32;
    /** The whole soak stops sending at this deadline, whatever is left. */
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    /** What the soak sent, what the heap did and the largest console answers. */
    public record Figures(
            Map<Integer, Long> hostileStatuses,
            Map<Integer, Long> lootStatuses,
            double seconds,
            long heapBeforeBytes,
            long heapAfterBytes,
            long heapAfterResetBytes,
            long largestJournalAnswerBytes,
            long largestLootAnswerBytes,
            long journalWindow,
            long journalDropped,
            long archiveRows,
            long archiveDropped,
            long lootKept,
            long lootDropped) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    /** Answers by status (0: no answer), to the hostile requests and to the loot posts. */
    private final Map<Integer, AtomicLong> hostileStatuses = new ConcurrentHashMap<>();

    private final Map<Integer, AtomicLong> lootStatuses = new ConcurrentHashMap<>();
    private final AtomicLong largestJournal = new AtomicLong();
    private final AtomicLong largestLoot = new AtomicLong();
    private LabServers servers;
    private ConsoleServer console;
    private long deadline;

    private Soak() {}

    public static Figures run(int hostileRequests, int lootPosts) throws Exception {
        return new Soak().soak(hostileRequests, lootPosts);
    }

    private Figures soak(int hostileRequests, int lootPosts) throws Exception {
        try (LabServers started = LabServers.start(LabCatalogue.load(), Defences.WIDE_OPEN, 0, 0);
                ConsoleServer startedConsole = new ConsoleServer(started).start(LabServers.LOOPBACK, 0)) {
            servers = started;
            console = startedConsole;
            deadline = System.nanoTime() + DEADLINE.toNanos();
            // First a little of everything, then a reset: the heap "before" holds the warmed-up servers.
            flood(2_000, 50);
            reset();
            hostileStatuses.clear();
            lootStatuses.clear();
            long before = heapAfterGc();
            long began = System.nanoTime();
            for (int done = 0; done < hostileRequests; done += 10_000) {
                flood(Math.min(10_000, hostileRequests - done), lootPosts * 10_000 / Math.max(1, hostileRequests));
                readConsoleAnswers();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            servers.victim().journalArchive().flush(30_000);
            readConsoleAnswers();
            long after = heapAfterGc();
            var journal = servers.victim().journal();
            var archive = servers.victim().journalArchive();
            var loot = servers.attacker().loot();
            long[] kept = {
                journal.windowSize(),
                journal.dropped(),
                archive.count(),
                archive.dropped(),
                loot.count(),
                loot.dropped()
            };
            Map<Integer, Long> hostile = counts(hostileStatuses);
            Map<Integer, Long> posts = counts(lootStatuses);
            reset();
            long afterReset = heapAfterGc();
            return new Figures(
                    hostile,
                    posts,
                    seconds,
                    before,
                    after,
                    afterReset,
                    largestJournal.get(),
                    largestLoot.get(),
                    kept[0],
                    kept[1],
                    kept[2],
                    kept[3],
                    kept[4],
                    kept[5]);
        }
    }

    /** {@code hostile} requests to the victim, one kind after another, with {@code loot} posts among them. */
    private void flood(int hostile, int loot) throws InterruptedException {
        int every = loot == 0 ? Integer.MAX_VALUE : Math.max(1, hostile / loot);
        for (int i = 0; i < hostile && System.nanoTime() < deadline; i++) {
            send(HostileTraffic.request(servers.victim().port(), i), hostileStatuses);
            if (i % every == 0) {
                send(HostileTraffic.lootPost(servers.attacker().port()), lootStatuses);
            }
        }
        inFlight.acquire(IN_FLIGHT);
        inFlight.release(IN_FLIGHT);
    }

    private static Map<Integer, Long> counts(Map<Integer, AtomicLong> statuses) {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, n) -> counts.put(status, n.get()));
        return counts;
    }

    private void send(HttpRequest request, Map<Integer, AtomicLong> statuses) throws InterruptedException {
        inFlight.acquire();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            int status = failure == null ? response.statusCode() : 0;
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            inFlight.release();
        });
    }

    private void readConsoleAnswers() throws Exception {
        for (String path : new String[] {"/api/journal", "/api/journal?since=0&limit=500"}) {
            largestJournal.accumulateAndGet(consoleGet(path), Math::max);
        }
        for (String path : new String[] {"/api/loot", "/api/loot?limit=100"}) {
            largestLoot.accumulateAndGet(consoleGet(path), Math::max);
        }
    }

    private long consoleGet(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body().length;
    }

    private void reset() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + "/api/reset"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the console's reset answered " + response.statusCode());
        }
    }

    /** The heap in use after full collections, once it stops shrinking. */
    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(200);
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
