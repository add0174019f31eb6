package lab.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.runner.LabCatalogue;
import lab.runner.browser.BrowserInfo;
import lab.runner.cases.CaseResult;
import lab.runner.cases.Evidence;
import lab.runner.cases.Verdict;
import lab.runner.guide.Narrator;
import lab.scenarios.Outcome;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case one engine cannot express, from a test-only catalogue ({@code not-applicable-catalogue}): every report
 * says "not applicable" with the case's reason, and counts it neither as passed nor as failed.
 */
class NotApplicableReportTest {

    private static final String WHY = "a Chromium-only permission grant";
    private static final BrowserInfo CHROMIUM = new BrowserInfo("Chromium", "156.0", "/usr/bin/chromium");
    private static final BrowserInfo FIREFOX = new BrowserInfo("Firefox", "153.8.0esr", "/usr/bin/firefox-esr");

    private final Scenario x = LabCatalogue.load(getClass().getClassLoader(), "not-applicable-catalogue/")
            .find("x")
            .orElseThrow();

    /** A case that ran in {@code engine} and came out as the lesson expects there. */
    private CaseResult ran(ScenarioCase scenarioCase, String engine, BrowserInfo browser) {
        Outcome outcome = scenarioCase.expected(engine);
        Evidence evidence = new Evidence(List.of(), null, "read", "{}", null, null, true, false, false, null);
        return new CaseResult(
                x,
                scenarioCase,
                new Verdict(outcome, "the evidence"),
                evidence,
                List.of(),
                null,
                null,
                100,
                List.of(),
                engine,
                browser);
    }

    private List<CaseResult> results() {
        ScenarioCase chromiumOnly = x.cases().get(0);
        ScenarioCase everywhere = x.cases().get(2);
        return List.of(
                ran(chromiumOnly, "chromium", CHROMIUM),
                ran(everywhere, "chromium", CHROMIUM),
                CaseResult.notApplicable(
                        x, chromiumOnly, "firefox", FIREFOX, x.notApplicableIn(chromiumOnly, "firefox")),
                ran(everywhere, "firefox", FIREFOX));
    }

    @Test
    void the_terminal_says_not_applicable_with_the_reason_and_counts_it_neither_way() {
        List<CaseResult> results = results();
        assertThat(results.get(2).notApplicable()).isTrue();
        assertThat(results.get(2).matches()).isFalse();
        assertThat(results.get(2).failed()).isFalse();
        StringWriter text = new StringWriter();
        TextReport report = new TextReport(new PrintWriter(text), Terminal.PLAIN).namingEngines(true);
        results.forEach(report::caseFinished);
        report.summary(results);

        assertThat(text.toString())
                .contains("n/a  firefox x [cors=reflect, samesite=none, third-party cookies allowed] not applicable"
                        + " in Firefox: " + WHY)
                .contains("cases: 3 passed, 0 failed, 1 not applicable in their engine (not run)")
                .contains("firefox (Firefox 153.8.0esr): 1 passed, 0 failed, 1 not applicable")
                .contains("The engines disagree on 0 cases")
                .doesNotContain("FAIL");
    }

    @Test
    void the_json_gives_no_match_either_way_and_the_reason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.json");
        JsonReport.write(file, results());
        JsonNode notApplicable =
                new ObjectMapper().readTree(file.toFile()).get("cases").get(2);

        assertThat(notApplicable.get("engine").asText()).isEqualTo("firefox");
        assertThat(notApplicable.get("actual").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(notApplicable.get("expected").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(notApplicable.get("match").isNull()).isTrue();
        assertThat(notApplicable.get("notApplicable").asText()).isEqualTo(WHY);
        assertThat(new ObjectMapper()
                        .readTree(file.toFile())
                        .get("cases")
                        .get(0)
                        .get("match")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void the_html_report_and_the_matrix_show_the_cell_as_not_applicable(@TempDir Path dir) throws Exception {
        String html = Files.readString(new HtmlReport().write(dir, results()));
        assertThat(html)
                .contains("3 cases as the lessons expect, 0 not</strong>, 1 not applicable in their engine")
                .contains("<span class=\"badge na\">NOT_APPLICABLE</span>")
                .contains("not applicable in Firefox: " + WHY);

        String matrix = OutcomeMatrix.of(results()).toText();
        assertThat(matrix)
                .contains("NOT_APPLICABLE")
                .contains("NOT_APPLICABLE: not applicable in Firefox: " + WHY + ".")
                .doesNotContain(OutcomeMatrix.MISMATCH)
                .doesNotContain(OutcomeMatrix.DISAGREE);
    }

    @Test
    void step_mode_says_the_case_is_not_applicable_and_why() {
        StringWriter text = new StringWriter();
        Narrator narrator = new Narrator(new PrintWriter(text), new BufferedReader(new StringReader("\n".repeat(10))));
        narrator.caseFinished(results().get(2));
        assertThat(text.toString()).contains("Not applicable: not applicable in Firefox: " + WHY);
    }
}
