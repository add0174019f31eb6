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
import java.util.TreeMap;
import java.util.stream.Collectors;
import lab.runner.browser.BrowserInfo;
import lab.runner.cases.CaseResult;
import lab.runner.cases.CaseRunner;
import lab.scenarios.Outcome;
import lab.scenarios.Scenario;

/**
 * The HTML report: the summary and every scenario's outcome matrix first, then the cases, folded, with a filter
 * by outcome and by scenario. Either {@code DIR/index.html} with the screenshots and the traces of mismatching
 * cases beside it ({@link #write}), or one self-contained file with them inside ({@link #writeFile}). The page
 * has no external assets: it opens from the file system, offline, on a trainer's laptop.
 */
public final class HtmlReport {

    public static final String TRACES = "traces";

    private final TemplateEngine templates =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "lab.runner.jte");

    /** Writes {@code directory/index.html} with its screenshots and traces beside it. */
    public Path write(Path directory, List<CaseResult> results) throws IOException {
        Files.createDirectories(directory);
        Path index = directory.resolve("index.html");
        Files.writeString(index, render(results, ReportAttachments.beside(directory)), StandardCharsets.UTF_8);
        return index;
    }

    /** Writes one HTML file that holds everything, screenshots and traces included, to send or archive as is. */
    public Path writeFile(Path file, List<CaseResult> results) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(results, ReportAttachments.inline()), StandardCharsets.UTF_8);
        return file;
    }

    private String render(List<CaseResult> results, ReportAttachments attachments) throws IOException {
        Map<Scenario, List<CaseResult>> byScenario = new LinkedHashMap<>();
        results.forEach(r ->
                byScenario.computeIfAbsent(r.scenario(), s -> new ArrayList<>()).add(r));
        List<ReportPage.ScenarioSection> sections = new ArrayList<>();
        for (Map.Entry<Scenario, List<CaseResult>> entry : byScenario.entrySet()) {
            sections.add(section(entry.getKey(), entry.getValue(), attachments));
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
                outcomeCounts(results),
                List.of(OutcomeTone.values()),
                sections);
        StringOutput output = new StringOutput();
        templates.render("report.jte", page, output);
        return output.toString();
    }

    /** Each outcome that occurred, in the order outcomes are declared, with its count and tone. */
    private static List<ReportPage.OutcomeCount> outcomeCounts(List<CaseResult> results) {
        Map<Outcome, Integer> counts = new TreeMap<>();
        results.forEach(r -> counts.merge(r.actual(), 1, Integer::sum));
        return counts.entrySet().stream()
                .map(e -> new ReportPage.OutcomeCount(
                        e.getKey().name(),
                        OutcomeTone.of(e.getKey()).cssClass(),
                        e.getKey().meaning(),
                        e.getValue()))
                .toList();
    }

    /** Each browser that ran, as {@code Chromium 156 (/usr/bin/...)}, joined by a semicolon. */
    private static String browsers(List<CaseResult> results) {
        Map<String, BrowserInfo> byEngine = new LinkedHashMap<>();
        results.forEach(r -> byEngine.putIfAbsent(r.engine(), r.browser()));
        return byEngine.values().stream()
                .map(b -> b.name() + " " + b.version() + " (" + b.executable() + ")")
                .collect(Collectors.joining("; "));
    }

    private ReportPage.ScenarioSection section(
            Scenario scenario, List<CaseResult> results, ReportAttachments attachments) throws IOException {
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
                                        OutcomeTone.of(result.actual()).cssClass(),
                                        ReportPage.status(result),
                                        anchor(result),
                                        matrix.disagrees(row, column)));
            }
            cells.add(line);
        }
        List<ReportPage.CaseSection> cases = new ArrayList<>();
        for (CaseResult result : results) {
            cases.add(ReportCases.section(result, anchor(result), attachments));
        }
        int passed = (int) results.stream().filter(CaseResult::matches).count();
        int failed = (int) results.stream().filter(CaseResult::failed).count();
        return new ReportPage.ScenarioSection(
                scenario.id(),
                scenario.title(),
                scenario.story(),
                scenario.steps(),
                passed,
                failed,
                matrix.rowLabels(),
                matrix.engines().size() > 1 ? matrix.engines() : List.of(),
                matrix.settings().size(),
                matrix.columns().stream().map(OutcomeMatrix.Column::label).toList(),
                cells,
                cases);
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
