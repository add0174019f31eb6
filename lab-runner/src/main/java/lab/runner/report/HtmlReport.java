package lab.runner.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import lab.runner.browser.BrowserInfo;
import lab.runner.cases.CaseResult;
import lab.runner.cases.CaseRunner;
import lab.runner.cases.WhatTheVictimReceived;
import lab.scenarios.Scenario;
import lab.victim.journal.JournalEntry;

/**
 * Writes {@code DIR/index.html} with the screenshots beside it ({@code DIR/screenshots/}) and the traces of
 * mismatching cases ({@code DIR/traces/}). The page has no external assets: it opens from the file system,
 * offline, on a trainer's laptop.
 */
public final class HtmlReport {

    public static final String TRACES = "traces";
    private static final String SCREENSHOTS = "screenshots";

    private final TemplateEngine templates =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "lab.runner.jte");

    public Path write(Path directory, List<CaseResult> results) throws IOException {
        Files.createDirectories(directory.resolve(SCREENSHOTS));
        Map<Scenario, List<CaseResult>> byScenario = new LinkedHashMap<>();
        results.forEach(r ->
                byScenario.computeIfAbsent(r.scenario(), s -> new ArrayList<>()).add(r));

        List<ReportPage.ScenarioSection> sections = new ArrayList<>();
        for (Map.Entry<Scenario, List<CaseResult>> entry : byScenario.entrySet()) {
            sections.add(section(directory, entry.getKey(), entry.getValue()));
        }
        int passed = (int) results.stream().filter(CaseResult::matches).count();
        int notApplicable =
                (int) results.stream().filter(CaseResult::notApplicable).count();
        ReportPage page = new ReportPage(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                browsers(results),
                versions(),
                passed,
                results.size() - passed - notApplicable,
                notApplicable,
                sections);
        StringOutput output = new StringOutput();
        templates.render("report.jte", page, output);
        Path index = directory.resolve("index.html");
        Files.writeString(index, output.toString(), StandardCharsets.UTF_8);
        return index;
    }

    /** Each browser that ran, as {@code Chromium 156 (/usr/bin/...)}, joined by a semicolon. */
    private static String browsers(List<CaseResult> results) {
        Map<String, BrowserInfo> byEngine = new LinkedHashMap<>();
        results.forEach(r -> byEngine.putIfAbsent(r.engine(), r.browser()));
        return byEngine.values().stream()
                .map(b -> b.name() + " " + b.version() + " (" + b.executable() + ")")
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private ReportPage.ScenarioSection section(Path directory, Scenario scenario, List<CaseResult> results)
            throws IOException {
        OutcomeMatrix matrix = OutcomeMatrix.of(results);
        List<List<ReportPage.Cell>> cells = new ArrayList<>();
        for (String row : matrix.rowLabels()) {
            List<ReportPage.Cell> line = new ArrayList<>();
            for (OutcomeMatrix.Column column : matrix.columns()) {
                CaseResult result = matrix.cell(row, column);
                line.add(
                        result == null
                                ? null
                                : new ReportPage.Cell(
                                        result.actual().name(),
                                        ReportPage.status(result),
                                        anchor(result),
                                        matrix.disagrees(row, column)));
            }
            cells.add(line);
        }
        List<ReportPage.CaseSection> cases = new ArrayList<>();
        for (CaseResult result : results) {
            cases.add(caseSection(directory, result));
        }
        return new ReportPage.ScenarioSection(
                scenario.id(),
                scenario.title(),
                scenario.story(),
                scenario.steps(),
                matrix.rowLabels(),
                matrix.engines().size() > 1 ? matrix.engines() : List.of(),
                matrix.settings().size(),
                matrix.columns().stream().map(OutcomeMatrix.Column::label).toList(),
                cells,
                cases);
    }

    private ReportPage.CaseSection caseSection(Path directory, CaseResult result) throws IOException {
        String screenshot = null;
        if (result.screenshot() != null) {
            screenshot = SCREENSHOTS + "/" + anchor(result) + ".png";
            Files.write(directory.resolve(screenshot), result.screenshot());
        }
        String trace = result.trace() == null
                ? null
                : directory.relativize(result.trace().toAbsolutePath()).toString();
        List<ReportPage.JournalRow> journal =
                result.journal().stream().map(HtmlReport::row).toList();
        return new ReportPage.CaseSection(
                anchor(result),
                result.name(),
                result.browser() == null
                        ? result.engine()
                        : result.browser().name() + " " + result.browser().version(),
                result.scenarioCase().conditions(),
                String.valueOf(result.expected()),
                result.actual().name(),
                ReportPage.status(result),
                TextReport.evidenceMissing(result).map(m -> m + ". ").orElse("")
                        + result.verdict().why()
                        + (result.evidence().outside().any()
                                ? " (" + result.evidence().outside().describe() + ")"
                                : ""),
                result.evidence().pageSaw(),
                WhatTheVictimReceived.line(result.evidence(), result.scenario().target()),
                result.evidence().console(),
                journal,
                screenshot,
                trace);
    }

    private static ReportPage.JournalRow row(JournalEntry e) {
        List<String> cors = WhatTheVictimReceived.corsHeaders(e);
        return new ReportPage.JournalRow(
                e.seq(),
                e.method(),
                e.path(),
                e.origin() == null ? "(none)" : e.origin(),
                e.host(),
                e.secFetchSite() == null ? "" : e.secFetchSite(),
                WhatTheVictimReceived.sessionCookie(e),
                cors.isEmpty() ? "(none)" : String.join("\n", cors),
                e.status(),
                e.refusedBy() == null ? "" : e.refusedBy());
    }

    /** A case's anchor: its engine and name, since a run of several engines has each case once per engine. */
    private static String anchor(CaseResult result) {
        return CaseRunner.slug(result.engine() + " " + result.name());
    }

    private static Map<String, String> versions() {
        Properties properties = new Properties();
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream("lab-versions.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // The versions are a courtesy of the report; without them it still says which browser ran.
        }
        Map<String, String> versions = new LinkedHashMap<>();
        for (String name : List.of("lab", "playwright", "javalin", "jte", "h2")) {
            versions.put(name, properties.getProperty(name, "unknown"));
        }
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }
}
