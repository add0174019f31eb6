package lab.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import lab.runner.LabSession;
import lab.runner.bench.Benchmarks;
import lab.runner.browser.BrowserLocator;
import lab.runner.browser.LabBrowser;
import lab.runner.cases.CaseResult;
import lab.runner.cases.CaseRunner;
import lab.runner.cases.CatalogueRun;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./lab bench}: the lab's speed, measured in one run on this machine, with the figures the goals name. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures, in one run on this machine: the time from process start to the first verdict of"
                + " ./lab run cookie-theft; the whole catalogue's wall time with 1 worker and with the default;"
                + " per-case median and p95; the floor (a bare Playwright loop of one navigation and one fetch);"
                + " and the victim's /api/me throughput under concurrent keep-alive connections, journal on.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    private Path json;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10", description = "Throughput test length (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "64", description = "Concurrent keep-alive connections (default: ${DEFAULT-VALUE}).")
    private int connections;

    @Option(names = "--browser", paramLabel = "PATH", description = "The Chromium binary to drive.")
    private Path browser;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Path> executable = BrowserLocator.locate(Optional.ofNullable(browser));
        ScenarioCatalogue catalogue = ScenarioCatalogue.load();
        List<CatalogueRun.Job> jobs = new ArrayList<>();
        catalogue.all().forEach(s -> s.cases().forEach(c -> jobs.add(new CatalogueRun.Job(s, c))));
        Map<String, Object> figures = new LinkedHashMap<>();

        out.println("Measuring the time to the first verdict of ./lab run cookie-theft (a new process)...");
        out.flush();
        figures.put("firstVerdictSeconds", firstVerdictSeconds());

        List<Map<String, Object>> catalogueRuns = new ArrayList<>();
        Map<String, String> outcomesByWorkers = new LinkedHashMap<>();
        double[] perCase = null;
        // Sequential, the default, and two workers (to show what parallelism gives on this machine).
        for (int workers : java.util.stream.IntStream.of(1, CatalogueRun.defaultWorkers(), 2).distinct().toArray()) {
            out.printf("Running the catalogue (%d cases) with %d worker%s...%n", jobs.size(), workers, workers == 1 ? "" : "s");
            out.flush();
            long started = System.nanoTime();
            List<CaseResult> results = CatalogueRun.run(jobs, workers,
                    () -> LabSession.start(catalogue, executable, Defences.WIDE_OPEN),
                    session -> new CaseRunner(session.servers(), session.browser(), Defences.WIDE_OPEN),
                    result -> { });
            double wall = (System.nanoTime() - started) / 1e9;
            double[] millis = results.stream().mapToDouble(CaseResult::millis).toArray();
            if (perCase == null) {
                perCase = millis;
            }
            StringBuilder outcomes = new StringBuilder();
            results.forEach(r -> outcomes.append(r.name()).append('=').append(r.actual()).append('\n'));
            outcomesByWorkers.put(String.valueOf(workers), outcomes.toString());
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("workers", workers);
            run.put("wallSeconds", round(wall));
            run.put("cases", results.size());
            run.put("matching", results.stream().filter(CaseResult::matches).count());
            run.put("median", round(Benchmarks.median(millis) / 1000));
            run.put("p95", round(Benchmarks.percentile(millis, 95) / 1000));
            catalogueRuns.add(run);
        }
        figures.put("catalogue", catalogueRuns);
        figures.put("identicalOutcomes", outcomesByWorkers.values().stream().distinct().count() == 1);

        out.println("Measuring the floor (a bare Playwright loop)...");
        out.flush();
        double[] floor;
        try (LabBrowser bare = LabBrowser.start(executable)) {
            floor = Benchmarks.floor(bare, 30);
        }
        double floorMedian = Benchmarks.median(floor) / 1000;
        figures.put("floor", Map.of("median", round(floorMedian), "iterations", floor.length));
        figures.put("ratio", round(Benchmarks.median(perCase) / 1000 / floorMedian));

        out.printf("Measuring /api/me throughput: %d connections for %d s...%n", connections, seconds);
        out.flush();
        var throughput = Benchmarks.throughput(connections, Duration.ofSeconds(seconds));
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("requestsPerSecond", Math.round(throughput.requestsPerSecond()));
        load.put("p99Millis", round(throughput.p99Millis()));
        load.put("requests", throughput.requests());
        load.put("errors", throughput.errors());
        load.put("journalEntries", throughput.journalEntries());
        load.put("journalWindow", throughput.journalWindow());
        load.put("connections", throughput.connections());
        load.put("seconds", round(throughput.seconds()));
        figures.put("throughput", load);

        print(out, figures);
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), figures);
            out.println("JSON written to " + json);
        }
        return ExitCodes.OK;
    }

    /** Starts {@code ./lab run cookie-theft} as a new JVM and times its first verdict line; then stops it. */
    private static double firstVerdictSeconds() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "lab.runner.Main",
                "run", "cookie-theft").redirectErrorStream(true).start();
        long started = System.nanoTime();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("ok ") || line.startsWith("FAIL ")) {
                    return round((System.nanoTime() - started) / 1e9);
                }
            }
            return Double.NaN;
        } finally {
            child.destroy();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintWriter out, Map<String, Object> f) {
        out.println();
        out.printf("%-52s %s%n", "figure", "value");
        out.printf("%-52s %.2f s   (goal: within 4 s)%n", "first verdict of ./lab run cookie-theft", (Double) f.get("firstVerdictSeconds"));
        for (Map<String, Object> run : (List<Map<String, Object>>) f.get("catalogue")) {
            out.printf("%-52s %.2f s for %d cases (%d as expected); per case median %.3f s, p95 %.3f s%n",
                    "catalogue, " + run.get("workers") + " worker(s)", run.get("wallSeconds"), run.get("cases"),
                    run.get("matching"), run.get("median"), run.get("p95"));
        }
        out.printf("%-52s %s%n", "same outcome for every case whatever the workers", f.get("identicalOutcomes"));
        Map<String, Object> floor = (Map<String, Object>) f.get("floor");
        out.printf("%-52s %.3f s (median of %d)%n", "floor: bare navigation + fetch", floor.get("median"), floor.get("iterations"));
        out.printf("%-52s %.2f   (goal: within 1.3)%n", "ratio lab per-case median / floor", f.get("ratio"));
        Map<String, Object> t = (Map<String, Object>) f.get("throughput");
        out.printf("%-52s %d req/s, p99 %.2f ms, %d requests, %d errors, %d journal entries in H2, %d in memory"
                        + " (goal: 10,000 req/s, p99 < 20 ms)%n",
                "/api/me, " + t.get("connections") + " keep-alive connections, " + t.get("seconds") + " s",
                t.get("requestsPerSecond"), t.get("p99Millis"), t.get("requests"), t.get("errors"), t.get("journalEntries"),
                t.get("journalWindow"));
        out.flush();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
