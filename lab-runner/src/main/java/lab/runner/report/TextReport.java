package lab.runner.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import lab.runner.browser.BrowserInfo;
import lab.runner.cases.CaseResult;
import lab.runner.cases.WhatTheVictimReceived;

/**
 * The terminal's view of a run: a progress line while a case runs (terminals only), one verdict line per
 * case as it finishes, for a mismatch the expected and actual outcomes with the evidence that decided, and
 * a summary with counts.
 */
public final class TextReport {

    private final PrintWriter out;
    private final Terminal terminal;
    private int total;
    private int done;
    private boolean namingEngines;

    public TextReport(PrintWriter out, Terminal terminal) {
        this.out = ControlFreeWriter.around(out);
        this.terminal = terminal;
    }

    /** Names the engine on each case's line: for a run of several engines, whose lines would otherwise look alike. */
    public TextReport namingEngines(boolean naming) {
        this.namingEngines = naming;
        return this;
    }

    public synchronized void header(
            BrowserInfo browser, String thirdPartyNote, String victimOrigin, String attackerOrigin, int cases) {
        this.total = cases;
        this.done = 0;
        out.printf("Browser:  %s %s (%s)%n", browser.name(), browser.version(), browser.executable());
        if (thirdPartyNote != null) {
            out.printf("          %s%n", thirdPartyNote);
        }
        out.printf("Victim:   %s    Attacker: %s%n", victimOrigin, attackerOrigin);
        out.printf("Running %d case%s in the real browser.%n%n", cases, cases == 1 ? "" : "s");
        out.flush();
    }

    /** A warning the run goes on after, such as a browser that no longer behaves as the lessons assume. */
    public synchronized void warning(String text) {
        if (terminal.interactive()) {
            out.print("\r\u001b[K");
        }
        out.println(terminal.red("warning: ") + text);
        out.flush();
    }

    /** Shows which case is running; only on a terminal, where the next line overwrites it. */
    public synchronized void caseStarting(String name) {
        if (terminal.interactive()) {
            String line = String.format("[%d/%d] %s", done + 1, total, name);
            out.print("\r\u001b[K" + terminal.dim(line.length() > 150 ? line.substring(0, 147) + "..." : line));
            out.flush();
        }
    }

    public synchronized void caseFinished(CaseResult result) {
        done++;
        if (terminal.interactive()) {
            out.print("\r\u001b[K");
        }
        if (result.notApplicable()) {
            // Not run, and counted neither way: the reason is the whole line.
            out.printf(
                    "%s %s%s [%s] %s%n",
                    terminal.dim("n/a "),
                    namingEngines ? result.engine() + " " : "",
                    terminal.bold(result.scenario().id()),
                    result.scenarioCase().conditions(),
                    result.verdict().why());
            out.flush();
            return;
        }
        boolean ok = result.matches();
        out.printf(
                "%s %s%s [%s] expected %s, got %s: %s%n",
                ok ? terminal.green("ok  ") : terminal.red(result.evidenceFailed() ? "FAIL EVIDENCE MISSING" : "FAIL"),
                namingEngines ? result.engine() + " " : "",
                terminal.bold(result.scenario().id()),
                result.scenarioCase().conditions(),
                result.expected(),
                ok ? result.actual() : terminal.red(String.valueOf(result.actual())),
                result.verdict().why());
        evidenceMissing(result).ifPresent(text -> out.printf("       %s%n", terminal.red(text)));
        if (result.evidence().outside().any()) {
            out.printf("       %s%n", result.evidence().outside().describe());
        }
        if (!ok) {
            mismatch(result);
        }
        out.flush();
    }

    /**
     * For a case whose outcome is the lesson's but not for the lesson's reason: {@code EVIDENCE MISSING: expected
     * the browser to say '...'; it said ...}, the words every report uses for this kind of failure.
     */
    public static Optional<String> evidenceMissing(CaseResult result) {
        return result.evidenceFailed()
                ? Optional.of("EVIDENCE MISSING: " + String.join("; ", result.evidenceMissing()))
                : Optional.empty();
    }

    /** A short diff of expected and actual, with the evidence that decided, so a trainer sees why at once. */
    private void mismatch(CaseResult result) {
        out.printf(
                "       expected: %s (%s)%n",
                result.expected(),
                result.expected() == null ? "no expectation" : result.expected().meaning());
        out.printf(
                "       actual:   %s (%s)%n", result.actual(), result.actual().meaning());
        out.printf(
                "       victim:   received %s%n",
                WhatTheVictimReceived.line(result.evidence(), result.scenario().target()));
        out.printf(
                "       page:     %s (%s)%n",
                result.evidence().pageResult(), oneLine(result.evidence().pageSaw()));
        result.evidence().console().stream()
                .filter(m -> m.startsWith("error"))
                .limit(3)
                .forEach(m -> out.printf("       console:  %s%n", m));
        if (result.trace() != null) {
            out.printf(
                    "       trace:    %s (open with: npx playwright show-trace FILE, or trace.playwright.dev)%n",
                    result.trace());
        }
    }

    /** The closing lines ({@link RunSummary}): counts per outcome, then {@code cases: N passed, N failed}. */
    public synchronized void summary(List<CaseResult> results) {
        new RunSummary(out, terminal).print(results);
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "nothing";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }
}
