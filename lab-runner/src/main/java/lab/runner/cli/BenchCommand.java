package lab.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import lab.runner.LabCatalogue;
import lab.runner.bench.Benchmarks;
import lab.runner.browser.BrowserLocator;
import lab.runner.browser.LabBrowser;
import lab.runner.cases.CatalogueRun;
import lab.scenarios.ScenarioCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./lab bench}: the lab's speed, measured in one run on this machine, with the figures the goals name. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measures, in one run on this machine: the time from process start to the first verdict of"
                + " ./lab run cookie-theft; the whole catalogue's wall time with 1 worker and with the default;"
                + " per-case median and p95; the floor (a bare Playwright loop of one navigation and one fetch) and"
                + " the steps from it to a lab case;"
                + " and the victim's /api/me throughput under concurrent keep-alive connections, journal on.")
final class BenchCommand implements Callable<Integer> {

    /** The floor's steps take turns this many times, each counting this many navigations a turn. */
    private static final int FLOOR_ROUNDS = 5;

    private static final int FLOOR_PER_ROUND = 6;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    private Path json;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            defaultValue = "10",
            description = "Throughput test length (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(
            names = "--connections",
            paramLabel = "N",
            defaultValue = "64",
            description = "Concurrent keep-alive connections (default: ${DEFAULT-VALUE}).")
    private int connections;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "3",
            description =
                    "Throughput rounds after the warm-up; the median round is reported (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--browser", paramLabel = "PATH", description = "The Chromium binary to drive.")
    private Path browser;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || connections < 1 || rounds < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--seconds, --connections and --rounds must be 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        Optional<Path> executable = BrowserLocator.locate(Optional.ofNullable(browser));
        ScenarioCatalogue catalogue = LabCatalogue.load();
        List<CatalogueRun.Job> jobs = new ArrayList<>();
        catalogue.all().forEach(s -> s.cases().forEach(c -> jobs.add(new CatalogueRun.Job(s, c))));
        Map<String, Object> figures = new LinkedHashMap<>();

        out.println("Measuring the time to the first verdict of ./lab run cookie-theft (a new process)...");
        out.flush();
        figures.put(
                "firstVerdictSeconds",
                round(Benchmarks.firstVerdictSeconds("cookie-theft", Optional.ofNullable(browser))));

        List<Map<String, Object>> catalogueRuns = new ArrayList<>();
        Map<String, Map<String, String>> outcomesByWorkers = new LinkedHashMap<>();
        double[] perCase = null;
        // Sequential, the default, and two workers (to show what parallelism gives on this machine).
        for (int workers : java.util.stream.IntStream.of(1, CatalogueRun.defaultWorkers(), 2)
                .distinct()
                .toArray()) {
            out.printf(
                    "Running the catalogue (%d cases) with %d worker%s: ./lab run --workers %d...%n",
                    jobs.size(), workers, workers == 1 ? "" : "s", workers);
            out.flush();
            Benchmarks.CatalogueRunFigures run = Benchmarks.catalogue(workers, Optional.ofNullable(browser));
            if (perCase == null) {
                perCase = run.millis();
            }
            outcomesByWorkers.put(String.valueOf(workers), run.outcomes());
            Map<String, Object> figuresOfRun = new LinkedHashMap<>();
            figuresOfRun.put("workers", workers);
            figuresOfRun.put("wallSeconds", round(run.wallSeconds()));
            figuresOfRun.put("cases", run.outcomes().size());
            figuresOfRun.put("matching", run.matching());
            figuresOfRun.put("median", round(Benchmarks.median(run.millis()) / 1000));
            figuresOfRun.put("p95", round(Benchmarks.percentile(run.millis(), 95) / 1000));
            catalogueRuns.add(figuresOfRun);
        }
        figures.put("catalogue", catalogueRuns);
        figures.put(
                "identicalOutcomes",
                outcomesByWorkers.values().stream().distinct().count() == 1
                        && outcomesByWorkers.values().iterator().next().size() == jobs.size());

        out.println("Measuring the floor (a bare Playwright loop) and the steps from it to a lab case...");
        out.flush();
        List<Benchmarks.FloorStep> ladder;
        try (LabBrowser bare = LabBrowser.start(executable)) {
            ladder = Benchmarks.floorLadder(bare, catalogue, FLOOR_ROUNDS, FLOOR_PER_ROUND);
        }
        double floorMedian = Benchmarks.median(ladder.get(0).millis()) / 1000;
        figures.put(
                "floor",
                Map.of("median", round(floorMedian), "iterations", ladder.get(0).millis().length));
        figures.put("ratio", round(Benchmarks.median(perCase) / 1000 / floorMedian));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Benchmarks.FloorStep step : ladder.subList(1, ladder.size())) {
            double median = Benchmarks.median(step.millis()) / 1000;
            Map<String, Object> stepFigures = new LinkedHashMap<>();
            stepFigures.put("step", step.key());
            stepFigures.put("adds", step.label());
            stepFigures.put("median", round(median));
            stepFigures.put("ratio", round(median / floorMedian));
            stepFigures.put("iterations", step.millis().length);
            steps.add(stepFigures);
        }
        figures.put("floorSteps", steps);

        out.printf(
                "Measuring /api/me throughput: %d connections, %d rounds of %d s after a warm-up...%n",
                connections, rounds, seconds);
        out.flush();
        List<Benchmarks.Load> loads = Benchmarks.throughput(connections, Duration.ofSeconds(seconds), rounds);
        List<Map<String, Object>> roundFigures =
                loads.stream().map(BenchCommand::loadFigures).toList();
        // The round with the median request rate stands for the run; every round is printed and kept.
        List<Map<String, Object>> byRate = new ArrayList<>(roundFigures);
        byRate.sort(java.util.Comparator.comparingLong(m -> (Long) m.get("requestsPerSecond")));
        Map<String, Object> load = new LinkedHashMap<>(byRate.get(byRate.size() / 2));
        load.put("rounds", roundFigures);
        figures.put("throughput", load);

        print(out, figures);
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), figures);
            out.println("JSON written to " + json);
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> loadFigures(Benchmarks.Load throughput) {
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("requestsPerSecond", Math.round(throughput.requestsPerSecond()));
        load.put("p99Millis", round(throughput.p99Millis()));
        load.put("requests", throughput.requests());
        load.put("errors", throughput.errors());
        load.put("journalEntries", throughput.journalEntries());
        load.put("journalWindow", throughput.journalWindow());
        load.put("connections", throughput.connections());
        load.put("seconds", round(throughput.seconds()));
        load.put("warmUpSeconds", throughput.warmUpSeconds());
        load.put("cpuMicrosPerRequest", round(throughput.cpuMicrosPerRequest()));
        return load;
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintWriter out, Map<String, Object> f) {
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

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
