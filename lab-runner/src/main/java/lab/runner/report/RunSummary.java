package lab.runner.report;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lab.runner.browser.BrowserInfo;
import lab.runner.cases.CaseResult;
import lab.scenarios.Outcome;

/**
 * The closing lines of a run in the terminal: counts per outcome, then {@code cases: N passed, N failed} (and how
 * many were not applicable in their engine), the line CI logs are read for; for several engines, each engine's
 * counts and the cases where the engines disagree.
 */
final class RunSummary {

    private final PrintWriter out;
    private final Terminal terminal;

    RunSummary(PrintWriter out, Terminal terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void print(List<CaseResult> results) {
        Map<Outcome, Long> counts = new TreeMap<>();
        results.forEach(r -> counts.merge(r.actual(), 1L, Long::sum));
        out.println();
        StringBuilder outcomes = new StringBuilder();
        counts.forEach((outcome, n) -> outcomes.append(outcomes.length() == 0 ? "" : ", ")
                .append(outcome)
                .append(' ')
                .append(n));
        out.printf("outcomes: %s%n", outcomes);
        long[] tally = tally(results);
        long evidence = results.stream().filter(CaseResult::evidenceFailed).count();
        String line = String.format("cases: %d passed, %d failed", tally[0], tally[1])
                + (evidence == 0 ? "" : String.format(" (%d with the right outcome but evidence missing)", evidence))
                + notApplicable(tally[2]);
        out.println(tally[1] == 0 ? terminal.green(line) : terminal.red(line));
        if (Disagreements.severalEngines(results)) {
            engines(results);
        }
        if (tally[1] > 0) {
            out.println("A failed case means the real browser or server did something the lesson does not expect:"
                    + " read its evidence above.");
        }
        out.flush();
    }

    /** Passed, failed and not applicable, in that order. */
    private static long[] tally(List<CaseResult> results) {
        long[] tally = new long[3];
        results.forEach(r -> tally[r.notApplicable() ? 2 : r.matches() ? 0 : 1]++);
        return tally;
    }

    private static String notApplicable(long count) {
        return count == 0 ? "" : String.format(", %d not applicable in their engine (not run)", count);
    }

    /** For a run of several engines: each engine's count, then the cases where the engines disagree. */
    private void engines(List<CaseResult> results) {
        Map<String, List<CaseResult>> byEngine = new LinkedHashMap<>();
        results.forEach(r -> byEngine.computeIfAbsent(r.engine(), e -> new java.util.ArrayList<>())
                .add(r));
        byEngine.forEach((engine, ran) -> {
            BrowserInfo browser = ran.get(0).browser();
            long[] tally = tally(ran);
            out.printf(
                    "  %s (%s %s): %d passed, %d failed%s%n",
                    engine, browser.name(), browser.version(), tally[0], tally[1], notApplicable(tally[2]));
        });
        List<Disagreements.Disagreement> disagreements = Disagreements.in(results);
        out.printf(
                "%nThe engines disagree on %d case%s:%n", disagreements.size(), disagreements.size() == 1 ? "" : "s");
        disagreements.forEach(d -> out.printf("  %s%n", d.line()));
    }
}
