package lab.runner.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.runner.browser.LabBrowser;
import lab.scenarios.ScenarioCatalogue;

/** The measurements of {@code ./lab bench}, for the command to call. */
public final class Benchmarks {

    /** The victim's throughput figures. */
    public record Load(
            double requestsPerSecond,
            double p99Millis,
            long requests,
            long errors,
            long journalEntries,
            int journalWindow,
            int connections,
            double seconds,
            double cpuMicrosPerRequest,
            double warmUpSeconds) {}

    /** One {@code ./lab run} of the whole catalogue: wall time, per-case times, outcomes by case name. */
    public record CatalogueRunFigures(
            double wallSeconds, double[] millis, Map<String, String> outcomes, long matching) {}

    private Benchmarks() {}

    /** Runs {@code ./lab run --workers N} as a new process, as a user would, and reads its figures. */
    public static CatalogueRunFigures catalogue(int workers, Optional<Path> browser)
            throws IOException, InterruptedException {
        return CatalogueTiming.run(workers, browser);
    }

    /** The catalogue in {@code engine}, timed as {@link #catalogue(int, Optional)} times Chromium's. */
    public static CatalogueRunFigures catalogue(int workers, Optional<Path> browser, String engine)
            throws IOException, InterruptedException {
        return CatalogueTiming.run(workers, browser, engine);
    }

    /** {@code ./lab run --workers N --report DIR}, timed as {@link #catalogue(int, Optional)} times a plain run. */
    public static CatalogueRunFigures catalogueWithReport(int workers, Optional<Path> browser)
            throws IOException, InterruptedException {
        return CatalogueTiming.withReport(workers, browser);
    }

    /** Seconds from starting {@code ./lab run SCENARIO} to its first verdict line. */
    public static double firstVerdictSeconds(String scenario, Optional<Path> browser)
            throws IOException, InterruptedException {
        return CatalogueTiming.firstVerdictSeconds(scenario, browser);
    }

    /** A step of the floor's ladder: its key in the JSON, what it adds to the step before, and its times. */
    public record FloorStep(String key, String label, double[] millis) {}

    /**
     * The floor, then the steps from it towards a lab case (the victim's refusal, the lab's page, a successful
     * read), each measured {@code rounds} times {@code perRound} in the same page of {@code browser}, in turn.
     */
    public static List<FloorStep> floorLadder(
            LabBrowser browser, ScenarioCatalogue catalogue, int rounds, int perRound) {
        return Floor.measure(browser, catalogue, rounds, perRound).entrySet().stream()
                .map(e -> new FloorStep(e.getKey().key, e.getKey().label, e.getValue()))
                .toList();
    }

    /** The victim's throughput in {@code rounds} measured stretches after one warm-up, in the order run. */
    public static List<Load> throughput(int connections, Duration duration, int rounds) throws Exception {
        return Throughput.measure(connections, duration, rounds).stream()
                .map(r -> new Load(
                        r.requestsPerSecond(),
                        r.p99Millis(),
                        r.requests(),
                        r.errors(),
                        r.journalEntries(),
                        r.journalWindow(),
                        r.connections(),
                        r.seconds(),
                        r.cpuMicrosPerRequest(),
                        Throughput.WARM_UP.toSeconds()))
                .toList();
    }

    public static double median(double[] sample) {
        return Stats.median(sample);
    }

    public static double percentile(double[] sample, double percent) {
        return Stats.percentile(sample, percent);
    }
}
