package lab.runner.report;

import java.util.List;
import java.util.Map;

/** The model of the HTML report, one record per part of the page. */
public record ReportPage(
        String generatedAt,
        String browser,
        Map<String, String> versions,
        int passed,
        int failed,
        int notApplicable,
        List<OutcomeCount> outcomes,
        List<OutcomeTone> tones,
        List<ScenarioSection> scenarios) {

    /** How many cases ended in one outcome, for the summary and the outcome filter. */
    public record OutcomeCount(String outcome, String tone, String meaning, int count) {}

    /**
     * One scenario: its story, its outcome matrix, and its cases.
     *
     * @param matrixEngines the engines' column groups, each {@code settingsPerEngine} columns wide; empty when one
     *                      engine ran
     */
    public record ScenarioSection(
            String id,
            String title,
            String story,
            List<String> steps,
            int passed,
            int failed,
            List<String> matrixRows,
            List<String> matrixEngines,
            int settingsPerEngine,
            List<String> matrixColumns,
            List<List<Cell>> matrixCells,
            List<CaseSection> cases) {}

    /**
     * A matrix cell: the outcome and its tone, its {@link #status}, the anchor of its case, and whether the engines
     * disagree.
     */
    public record Cell(String outcome, String tone, String status, String anchor, boolean disagrees) {}

    /**
     * Whether a result is as its lesson says ({@code ok}), not ({@code bad}), or not applicable in its engine
     * ({@code na}): shown by a tick, a cross or "n/a", never by the outcome's colour.
     */
    static String status(lab.runner.cases.CaseResult result) {
        return result.notApplicable() ? "na" : result.matches() ? "ok" : "bad";
    }

    /** One case with everything that decided it. */
    public record CaseSection(
            String anchor,
            String scenarioId,
            String name,
            String browser,
            String conditions,
            String expected,
            String actual,
            String tone,
            String status,
            String why,
            String pageSaw,
            String victimReceived,
            List<String> console,
            List<JournalRow> journal,
            String screenshot,
            String trace,
            String traceName) {}

    /** One request as the victim's journal recorded it. */
    public record JournalRow(
            long seq,
            String method,
            String path,
            String origin,
            String host,
            String secFetchSite,
            String cookie,
            List<String> cors,
            int status,
            String refusedBy) {}
}
