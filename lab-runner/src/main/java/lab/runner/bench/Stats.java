package lab.runner.bench;

import java.util.Arrays;

/** Order statistics of a sample, by the nearest-rank method. */
final class Stats {

    private Stats() {}

    static double percentile(double[] sample, double percent) {
        if (sample.length == 0) {
            return Double.NaN;
        }
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(double[] sample) {
        return percentile(sample, 50);
    }
}
