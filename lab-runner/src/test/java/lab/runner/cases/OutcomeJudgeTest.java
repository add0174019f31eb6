package lab.runner.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.scenarios.Outcome;
import org.junit.jupiter.api.Test;

class OutcomeJudgeTest {

    private static final String EVIL = "http://evil.localhost:7002";
    private static final String CORS_MESSAGE = "error: Access to fetch at 'http://social.localhost:7001/api/me' from origin '"
            + EVIL + "' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.";

    private static VictimReceived received(boolean sessionCookie, int status, Map<String, String> cors) {
        return new VictimReceived("GET", "/api/me", sessionCookie, EVIL, status, cors);
    }

    @Test
    void a_read_of_the_victims_data_that_reached_the_loot_store_is_stolen() {
        Evidence evidence = new Evidence(List.of(), "read", "Got it!",
                received(true, 200, Map.of("Access-Control-Allow-Origin", EVIL)), List.of("alice"), null);
        Verdict verdict = OutcomeJudge.judge(evidence, "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.STOLEN);
        assertThat(verdict.why()).contains("Access-Control-Allow-Origin: " + EVIL);
    }

    @Test
    void a_request_that_carried_the_session_but_could_not_be_read_is_read_blocked_and_quotes_the_browser() {
        Evidence evidence = new Evidence(List.of("error: Failed to load resource", CORS_MESSAGE), "failed",
                "TypeError: Failed to fetch", received(true, 200, Map.of()), List.of(), null);
        Verdict verdict = OutcomeJudge.judge(evidence, "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.READ_BLOCKED);
        assertThat(verdict.why()).contains("the browser said: " + CORS_MESSAGE);
    }

    @Test
    void a_request_without_the_session_cookie_is_cookie_withheld_whatever_the_script_read() {
        for (String pageResult : new String[] {"anonymous", "failed"}) {
            Evidence evidence = new Evidence(List.of(), pageResult, "HTTP 401", received(false, 401, Map.of()), List.of(), null);
            assertThat(OutcomeJudge.judge(evidence, "alice").outcome()).as(pageResult).isEqualTo(Outcome.COOKIE_WITHHELD);
        }
    }

    @Test
    void a_read_without_the_loot_to_show_for_it_is_contradictory() {
        Evidence evidence = new Evidence(List.of(), "read", "Got it!", received(true, 200, Map.of()), List.of(), null);
        assertThat(OutcomeJudge.judge(evidence, "alice").outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void loot_of_another_user_is_not_alices_data_stolen() {
        Evidence evidence = new Evidence(List.of(), "read", "Got it!", received(true, 200, Map.of()), List.of("bob"), null);
        assertThat(OutcomeJudge.judge(evidence, "alice").outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void no_request_at_the_victim_is_an_error_not_a_pass() {
        Evidence evidence = new Evidence(List.of(), "failed", "TypeError", null, List.of(), null);
        Verdict verdict = OutcomeJudge.judge(evidence, "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(verdict.why()).contains("never received");
    }

    @Test
    void a_failed_browser_step_is_an_error_with_its_reason() {
        Evidence evidence = new Evidence(List.of(), null, null, null, List.of(), "the browser step failed: Target crashed");
        Verdict verdict = OutcomeJudge.judge(evidence, "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(verdict.why()).contains("Target crashed");
    }
}
