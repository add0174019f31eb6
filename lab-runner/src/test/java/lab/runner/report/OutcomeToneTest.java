package lab.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import lab.scenarios.Outcome;
import org.junit.jupiter.api.Test;

/** Colours by meaning: what happened to the victim, never whether the case matched its lesson. */
class OutcomeToneTest {

    private final Terminal colour = new Terminal(true, true);

    @Test
    void the_attack_working_is_red_and_a_stopped_attack_green() {
        assertThat(OutcomeTone.of(Outcome.STOLEN)).isEqualTo(OutcomeTone.ATTACK_WORKED);
        assertThat(OutcomeTone.of(Outcome.ACTION_PERFORMED)).isEqualTo(OutcomeTone.ATTACK_WORKED);
        for (Outcome blocked : new Outcome[] {
            Outcome.READ_BLOCKED,
            Outcome.COOKIE_WITHHELD,
            Outcome.REJECTED_BY_SERVER,
            Outcome.REQUEST_NOT_SENT,
            Outcome.ACTION_BLOCKED
        }) {
            assertThat(OutcomeTone.of(blocked)).as(blocked.name()).isEqualTo(OutcomeTone.BLOCKED);
        }
        assertThat(OutcomeTone.of(Outcome.PUBLIC_READ)).isEqualTo(OutcomeTone.NEUTRAL);
        assertThat(OutcomeTone.of(Outcome.ERROR)).isEqualTo(OutcomeTone.UNJUDGED);
        assertThat(colour.outcome(Outcome.STOLEN)).isEqualTo("\u001b[1;31mSTOLEN\u001b[0m");
        assertThat(colour.outcome(Outcome.READ_BLOCKED)).isEqualTo("\u001b[32mREAD_BLOCKED\u001b[0m");
        assertThat(colour.outcome(Outcome.PUBLIC_READ)).isEqualTo("PUBLIC_READ");
    }

    @Test
    void every_outcome_has_a_tone_and_a_plain_terminal_gets_no_escape_codes() {
        for (Outcome outcome : Outcome.values()) {
            assertThat(OutcomeTone.of(outcome)).as(outcome.name()).isNotNull();
            assertThat(Terminal.PLAIN.outcome(outcome)).isEqualTo(outcome.name());
        }
    }
}
