package lab.runner.bench;

import java.time.Duration;
import lab.runner.browser.LabBrowser;

/** The measurements of {@code ./lab bench}, for the command to call. */
public final class Benchmarks {

    /** The victim's throughput figures. */
    public record Load(double requestsPerSecond, double p99Millis, long requests, long errors, long journalEntries,
                       int journalWindow, int connections, double seconds) {
    }

    private Benchmarks() {
    }

    public static double[] floor(LabBrowser browser, int iterations) {
        return Floor.measure(browser, iterations);
    }

    public static Load throughput(int connections, Duration duration) throws Exception {
        Throughput.Result r = Throughput.measure(connections, duration);
        return new Load(r.requestsPerSecond(), r.p99Millis(), r.requests(), r.errors(), r.journalEntries(),
                r.journalWindow(), r.connections(), r.seconds());
    }

    public static double median(double[] sample) {
        return Stats.median(sample);
    }

    public static double percentile(double[] sample, double percent) {
        return Stats.percentile(sample, percent);
    }
}
