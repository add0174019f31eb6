package lab.runner.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.runner.bench.Benchmarks;

/** The figures of {@code ./lab bench}: a load round as kept in the JSON, and the table printed at the end. */
final class BenchTable {

    private BenchTable() {}

    static Map<String, Object> loadFigures(Benchmarks.Load throughput) {
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("requestsPerSecond", Math.round(throughput.requestsPerSecond()));
        load.put("p99Millis", BenchCommand.round(throughput.p99Millis()));
        load.put("requests", throughput.requests());
        load.put("errors", throughput.errors());
        load.put("journalEntries", throughput.journalEntries());
        load.put("journalWindow", throughput.journalWindow());
        load.put("connections", throughput.connections());
        load.put("seconds", BenchCommand.round(throughput.seconds()));
        load.put("warmUpSeconds", throughput.warmUpSeconds());
        load.put("cpuMicrosPerRequest", BenchCommand.round(throughput.cpuMicrosPerRequest()));
        return load;
    }

    /** The deliver-to-verdict line: a challenge delivery as the learner waits for it. */
    static void printDeliveries(PrintWriter out, Map<String, Object> d) {
        out.printf(
                "%-52s %.3f s median, p95 %.3f s, of %d deliveries   (goal: median within 2 s)%n",
                "challenge deliver-to-verdict (Chromium)", d.get("median"), d.get("p95"), d.get("deliveries"));
        out.flush();
    }

    @SuppressWarnings("unchecked")
    static void print(PrintWriter out, Map<String, Object> f) {
        out.println();
        out.printf("%-52s %s%n", "figure", "value");
        out.printf(
                "%-52s %.2f s   (goal: within 4 s)%n",
                "first verdict of ./lab run cookie-theft", (Double) f.get("firstVerdictSeconds"));
        for (Map<String, Object> run : (List<Map<String, Object>>) f.get("catalogue")) {
            out.printf(
                    "%-52s %.2f s for %d cases (%d as expected); per case median %.3f s, p95 %.3f s%n",
                    "catalogue, " + run.get("workers") + " worker(s)",
                    run.get("wallSeconds"),
                    run.get("cases"),
                    run.get("matching"),
                    run.get("median"),
                    run.get("p95"));
        }
        out.printf("%-52s %s%n", "same outcome for every case whatever the workers", f.get("identicalOutcomes"));
        Map<String, Object> floor = (Map<String, Object>) f.get("floor");
        out.printf(
                "%-52s %.3f s (median of %d)%n",
                "floor: bare navigation + fetch", floor.get("median"), floor.get("iterations"));
        out.printf("%-52s %.2f   (goal: within 1.3)%n", "ratio lab per-case median / floor", f.get("ratio"));
        out.println("from the floor to a lab case, one part at a time (same browser and page, in turn):");
        for (Map<String, Object> step : (List<Map<String, Object>>) f.get("floorSteps")) {
            out.printf(
                    "  %-52s %.3f s  %.2f x the floor (median of %d)%n",
                    step.get("adds"), step.get("median"), step.get("ratio"), step.get("iterations"));
        }
        List<Map<String, Object>> runs = (List<Map<String, Object>>) f.get("catalogue");
        out.printf(
                "  %-52s %.3f s  %.2f x the floor (1 worker, all cases)%n",
                "+ the runner, and the catalogue's other cases", runs.get(0).get("median"), f.get("ratio"));
        printDeliveries(out, (Map<String, Object>) f.get("deliverToVerdict"));
        Map<String, Object> t = (Map<String, Object>) f.get("throughput");
        List<Map<String, Object>> rounds = (List<Map<String, Object>>) t.get("rounds");
        for (int i = 0; i < rounds.size(); i++) {
            Map<String, Object> r = rounds.get(i);
            out.printf(
                    "%-52s %d req/s, p99 %.2f ms, %d requests, %d journal entries%n",
                    "/api/me, round " + (i + 1) + " of " + rounds.size(),
                    r.get("requestsPerSecond"),
                    r.get("p99Millis"),
                    r.get("requests"),
                    r.get("journalEntries"));
        }
        out.printf(
                "%-52s %d req/s, p99 %.2f ms, %d requests, %d errors, %d journal entries in H2, %d in memory;"
                        + " %.0f us of CPU per request, both sides (goal: 10,000 req/s, p99 < 20 ms)%n",
                "/api/me, median round (" + t.get("connections") + " connections, " + t.get("seconds") + " s)",
                t.get("requestsPerSecond"),
                t.get("p99Millis"),
                t.get("requests"),
                t.get("errors"),
                t.get("journalEntries"),
                t.get("journalWindow"),
                t.get("cpuMicrosPerRequest"));
        out.flush();
    }
}
