package lab.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import lab.runner.browser.BrowserInfo;
import lab.runner.cases.CaseResult;
import lab.scenarios.Engines;
import lab.scenarios.Outcome;
import lab.scenarios.ThirdPartyCookies;
import org.junit.jupiter.api.Test;

class TextReportTest {

    private static final BrowserInfo CHROMIUM = SampleResults.CHROMIUM;

    private static CaseResult result(Outcome expected, Outcome actual, ThirdPartyCookies browser) {
        return SampleResults.result(expected, actual, browser);
    }

    private static String run(Terminal terminal, List<CaseResult> results) {
        StringWriter text = new StringWriter();
        TextReport report = new TextReport(new PrintWriter(text), terminal);
        report.header(
                new BrowserInfo("Chromium", "156", "/usr/bin/chromium"), null, "http://v", "http://a", results.size());
        for (CaseResult result : results) {
            report.caseStarting(result.name());
            report.caseFinished(result);
        }
        report.summary(results);
        return text.toString();
    }

    @Test
    void output_for_a_log_or_pipe_has_no_colour_codes_and_no_progress_line() {
        String text = run(
                Terminal.PLAIN, List.of(result(Outcome.READ_BLOCKED, Outcome.READ_BLOCKED, ThirdPartyCookies.ALLOWED)));
        assertThat(text).doesNotContain("\u001b").doesNotContain("\r").contains("cases: 1 passed, 0 failed");
    }

    @Test
    void a_terminal_gets_colour_and_a_progress_line() {
        String text = run(
                new Terminal(true, true),
                List.of(result(Outcome.READ_BLOCKED, Outcome.READ_BLOCKED, ThirdPartyCookies.ALLOWED)));
        assertThat(text).contains("\u001b[32m", "[1/1] cookie-theft");
    }

    @Test
    void colour_follows_the_outcome_not_the_match_a_passing_theft_is_red_and_a_failing_block_green() {
        String passingTheft = run(
                new Terminal(true, true), List.of(result(Outcome.STOLEN, Outcome.STOLEN, ThirdPartyCookies.ALLOWED)));
        assertThat(passingTheft)
                .contains("ok  ", "got \u001b[1;31mSTOLEN\u001b[0m")
                .doesNotContain("\u001b[32m");
        String failingBlock = run(
                new Terminal(true, true),
                List.of(result(Outcome.STOLEN, Outcome.READ_BLOCKED, ThirdPartyCookies.ALLOWED)));
        assertThat(failingBlock)
                .contains("\u001b[1mFAIL\u001b[0m", "got \u001b[32mREAD_BLOCKED\u001b[0m")
                .doesNotContain("\u001b[1;31m");
    }

    @Test
    void a_coloured_matrix_lines_up_as_the_plain_one() {
        OutcomeMatrix matrix = OutcomeMatrix.of(List.of(
                result(Outcome.STOLEN, Outcome.STOLEN, ThirdPartyCookies.ALLOWED),
                result(Outcome.READ_BLOCKED, Outcome.COOKIE_WITHHELD, ThirdPartyCookies.BLOCKED)));
        String coloured = matrix.toText(new Terminal(true, true));
        assertThat(coloured).contains("\u001b[1;31mSTOLEN\u001b[0m", "\u001b[32mCOOKIE_WITHHELD\u001b[0m !");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(matrix.toText());
    }

    @Test
    void a_mismatch_shows_expected_actual_and_the_evidence_that_decided() {
        String text =
                run(Terminal.PLAIN, List.of(result(Outcome.STOLEN, Outcome.READ_BLOCKED, ThirdPartyCookies.ALLOWED)));
        assertThat(text)
                .contains(
                        "FAIL cookie-theft",
                        "expected: STOLEN",
                        "actual:   READ_BLOCKED",
                        "victim:   received GET /api/me from http://evil.localhost:7002, session cookie: yes (alice), status 200,",
                        "console:  error: Access ... has been blocked by CORS policy",
                        "cases: 0 passed, 1 failed");
    }

    @Test
    void the_matrix_puts_browser_settings_in_columns_and_marks_a_mismatch() {
        String matrix = OutcomeMatrix.of(List.of(
                        result(Outcome.READ_BLOCKED, Outcome.READ_BLOCKED, ThirdPartyCookies.ALLOWED),
                        result(Outcome.READ_BLOCKED, Outcome.COOKIE_WITHHELD, ThirdPartyCookies.BLOCKED)))
                .toText();
        assertThat(matrix.lines().toList()).hasSize(3);
        assertThat(matrix.lines().skip(2).findFirst().orElseThrow())
                .startsWith("cors=off, samesite=none")
                .contains("READ_BLOCKED ")
                .contains("COOKIE_WITHHELD !");
    }

    @Test
    void the_right_outcome_without_its_decisive_evidence_is_a_failure_of_its_own_kind() {
        CaseResult right = result(Outcome.READ_BLOCKED, Outcome.READ_BLOCKED, ThirdPartyCookies.ALLOWED);
        CaseResult withoutEvidence = new CaseResult(
                right.scenario(),
                right.scenarioCase(),
                right.verdict(),
                right.evidence(),
                right.journal(),
                null,
                null,
                300,
                List.of("expected the browser to say 'must not be the wildcard'; it said nothing"),
                Engines.CHROMIUM,
                CHROMIUM);
        String text = run(Terminal.PLAIN, List.of(withoutEvidence));
        assertThat(text)
                .contains(
                        "FAIL EVIDENCE MISSING cookie-theft",
                        "EVIDENCE MISSING: expected the browser to say 'must not be the wildcard'; it said nothing",
                        "cases: 0 passed, 1 failed (1 with the right outcome but evidence missing)");
    }
}
