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
        List<ScenarioSection> scenarios) {

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
            List<String> matrixRows,
            List<String> matrixEngines,
            int settingsPerEngine,
            List<String> matrixColumns,
            List<List<Cell>> matrixCells,
            List<CaseSection> cases) {}

    /**
     * A matrix cell: the outcome, its {@link #status} ({@code ok}, {@code bad}, or {@code na} for not applicable),
     * the anchor of its case, and whether the engines disagree.
     */
    public record Cell(String outcome, String status, String anchor, boolean disagrees) {}

    /** The CSS class a result is shown with: as the lesson says, not, or not applicable in its engine. */
    static String status(lab.runner.cases.CaseResult result) {
        return result.notApplicable() ? "na" : result.matches() ? "ok" : "bad";
    }

    /** One case with everything that decided it. */
    public record CaseSection(
            String anchor,
            String name,
            String browser,
            String conditions,
            String expected,
            String actual,
            String status,
            String why,
            String pageSaw,
            String victimReceived,
            List<String> console,
            List<JournalRow> journal,
            String screenshot,
            String trace) {}

    /** One request as the victim's journal recorded it. */
    public record JournalRow(
            long seq,
            String method,
            String path,
            String origin,
            String host,
            String secFetchSite,
            String cookie,
            String cors,
            int status,
            String refusedBy) {}
}
