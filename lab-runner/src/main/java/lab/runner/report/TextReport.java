package lab.runner.report;

import java.io.PrintWriter;
import java.util.List;
import lab.runner.browser.BrowserInfo;
import lab.runner.cases.CaseResult;

/** The terminal's view of a run: one line per case as it finishes, and a summary. */
public final class TextReport {

    private final PrintWriter out;

    public TextReport(PrintWriter out) {
        this.out = out;
    }

    public void header(BrowserInfo browser, String victimOrigin, String attackerOrigin, int cases) {
        out.printf("Browser:  %s %s (%s)%n", browser.name(), browser.version(), browser.executable());
        out.printf("Victim:   %s    Attacker: %s%n", victimOrigin, attackerOrigin);
        out.printf("Running %d case%s in the real browser.%n%n", cases, cases == 1 ? "" : "s");
    }

    public void caseFinished(CaseResult result) {
        out.printf("%-4s %s [%s] expected %s, got %s: %s%n",
                result.matches() ? "ok" : "FAIL",
                result.scenario().id(),
                result.scenarioCase().conditions(),
                result.expected(),
                result.actual(),
                result.verdict().why());
        out.flush();
    }

    /** The closing line, in the form {@code cases: N passed, N failed} that CI logs are read for. */
    public void summary(List<CaseResult> results) {
        long passed = results.stream().filter(CaseResult::matches).count();
        out.println();
        out.printf("cases: %d passed, %d failed%n", passed, results.size() - passed);
        if (passed < results.size()) {
            out.println("A failed case means the real browser or server did something the lesson does not expect:"
                    + " read its evidence above.");
        }
        out.flush();
    }
}
