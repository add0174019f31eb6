package lab.runner.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import lab.runner.cases.CaseResult;
import lab.runner.report.SampleResults;
import lab.runner.report.Terminal;
import lab.scenarios.Outcome;
import lab.scenarios.ThirdPartyCookies;
import org.junit.jupiter.api.Test;

/** Guided mode as the trainer steers it: run, skip, quit, pick; each piece of evidence told once. */
class NarratorTest {

    private final StringWriter text = new StringWriter();

    private Narrator narrator(String input, Terminal terminal) {
        return new Narrator(new PrintWriter(text), new BufferedReader(new StringReader(input)), terminal);
    }

    @Test
    void enter_runs_s_skips_q_quits_and_a_dry_input_runs_the_rest_without_waiting() {
        CaseResult sample = SampleResults.result(Outcome.READ_BLOCKED, Outcome.READ_BLOCKED, ThirdPartyCookies.ALLOWED);
        Narrator narrator = narrator("\ns\nq\n", Terminal.PLAIN);
        assertThat(narrator.before(sample.scenario(), sample.scenarioCase(), 1, 3))
                .isEqualTo(Narrator.Choice.RUN);
        assertThat(narrator.before(sample.scenario(), sample.scenarioCase(), 2, 3))
                .isEqualTo(Narrator.Choice.SKIP);
        assertThat(narrator.before(sample.scenario(), sample.scenarioCase(), 3, 3))
                .isEqualTo(Narrator.Choice.QUIT);
        assertThat(narrator.before(sample.scenario(), sample.scenarioCase(), 1, 3))
                .isEqualTo(Narrator.Choice.RUN);
        // The story once per scenario, the case's conditions each time.
        assertThat(text.toString().split("== Cookie theft", -1)).hasSize(2);
        assertThat(text.toString()).contains("-- Case 2 of 3: cors=off, samesite=none, third-party cookies allowed");
    }

    @Test
    void each_piece_of_evidence_is_told_once_and_the_outcome_is_coloured_by_its_meaning() {
        CaseResult stolen = SampleResults.result(Outcome.STOLEN, Outcome.STOLEN, ThirdPartyCookies.ALLOWED);
        narrator("", new Terminal(true, true)).caseFinished(stolen);
        String told = text.toString();
        assertThat(told.split("GET /api/me", -1)).hasSize(2);
        assertThat(told.split("blocked by CORS policy", -1)).hasSize(2);
        assertThat(told).contains("=> \u001b[1;31mSTOLEN\u001b[0m", "As the lesson expects.");
    }

    @Test
    void without_a_terminal_there_are_no_colour_codes_and_a_mismatch_says_so_in_words() {
        CaseResult mismatch = SampleResults.result(Outcome.STOLEN, Outcome.READ_BLOCKED, ThirdPartyCookies.ALLOWED);
        narrator("", Terminal.PLAIN).caseFinished(mismatch);
        assertThat(text.toString()).doesNotContain("\u001b").contains("NOT as the lesson expects (STOLEN)");
    }

    @Test
    void the_list_takes_numbers_ranges_enter_for_all_and_q_to_quit_and_asks_again_after_a_typo() {
        CaseResult sample = SampleResults.result(Outcome.READ_BLOCKED, Outcome.READ_BLOCKED, ThirdPartyCookies.ALLOWED);
        assertThat(narrator("99\n2,4-5\n", Terminal.PLAIN).pick(sample.scenario()))
                .containsExactly(1, 3, 4);
        assertThat(text.toString()).contains(" 1. cors=off, samesite=none", "there is no case 99");
        assertThat(narrator("\n", Terminal.PLAIN).pick(sample.scenario())).isEmpty();
        assertThat(narrator("q\n", Terminal.PLAIN).pick(sample.scenario())).isNull();
    }
}
