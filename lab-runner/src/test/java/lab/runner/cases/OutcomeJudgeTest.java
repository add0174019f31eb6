package lab.runner.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.scenarios.AttackKind;
import lab.scenarios.Outcome;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.Test;

class OutcomeJudgeTest {

    private static final String EVIL = "http://evil.localhost:7002";
    private static final String CORS_MESSAGE =
            "error: Access to fetch at 'http://social.localhost:7001/api/me' from origin '" + EVIL
                    + "' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.";

    private static JournalEntry received(
            String method, boolean sessionCookie, int status, Map<String, String> cors, String refusedBy) {
        return JournalEntry.observed(
                method,
                "/api/me",
                EVIL,
                "social.localhost:7001",
                "cross-site",
                "cors",
                null,
                "Chromium",
                sessionCookie ? List.of("session") : List.of(),
                sessionCookie,
                sessionCookie ? "alice" : null,
                cors,
                status,
                refusedBy);
    }

    private static JournalEntry get(boolean sessionCookie, int status) {
        return received("GET", sessionCookie, status, Map.of(), null);
    }

    private static Evidence evidence(String pageResult, JournalEntry received, boolean lootHasPrivate) {
        return new Evidence(
                List.of(), null, pageResult, "the page text", received, null, lootHasPrivate, false, false, null);
    }

    @Test
    void a_read_of_the_victims_data_that_reached_the_loot_store_is_stolen() {
        Evidence e =
                evidence("read", received("GET", true, 200, Map.of("Access-Control-Allow-Origin", EVIL), null), true);
        Verdict verdict = OutcomeJudge.judge(AttackKind.READ, e, "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.STOLEN);
        assertThat(verdict.why()).contains("Access-Control-Allow-Origin: " + EVIL);
    }

    @Test
    void private_data_read_without_any_cookie_is_still_stolen() {
        // DNS rebinding: no cookie is needed when the server trusts the network position instead.
        assertThat(OutcomeJudge.judge(AttackKind.READ, evidence("read", get(false, 200), true), "alice")
                        .outcome())
                .isEqualTo(Outcome.STOLEN);
    }

    @Test
    void a_request_that_carried_the_session_but_could_not_be_read_is_read_blocked_and_quotes_the_browser() {
        Evidence e = new Evidence(
                List.of("error: Failed to load resource", CORS_MESSAGE),
                CORS_MESSAGE,
                "failed",
                "TypeError",
                get(true, 200),
                null,
                false,
                false,
                false,
                null);
        Verdict verdict = OutcomeJudge.judge(AttackKind.READ, e, "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.READ_BLOCKED);
        assertThat(verdict.why()).contains("the browser said: " + CORS_MESSAGE);
    }

    @Test
    void a_request_without_the_session_cookie_is_cookie_withheld_whatever_the_script_read() {
        for (String pageResult : new String[] {"anonymous", "failed"}) {
            assertThat(OutcomeJudge.judge(AttackKind.READ, evidence(pageResult, get(false, 401), false), "alice")
                            .outcome())
                    .as(pageResult)
                    .isEqualTo(Outcome.COOKIE_WITHHELD);
        }
    }

    @Test
    void a_refusal_by_a_server_defence_is_rejected_by_server_and_names_the_defence() {
        Verdict verdict = OutcomeJudge.judge(
                AttackKind.READ,
                evidence("failed", received("GET", false, 403, Map.of(), "fetch-metadata"), false),
                "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.REJECTED_BY_SERVER);
        assertThat(verdict.why()).contains("fetch-metadata");
    }

    @Test
    void a_read_without_the_loot_to_show_for_it_is_contradictory() {
        assertThat(OutcomeJudge.judge(AttackKind.READ, evidence("read", get(true, 200), false), "alice")
                        .outcome())
                .isEqualTo(Outcome.ERROR);
    }

    @Test
    void no_request_at_the_victim_is_request_not_sent_and_names_the_preflight_if_there_was_one() {
        Evidence onlyPreflight = new Evidence(
                List.of(),
                null,
                "failed",
                "TypeError",
                null,
                received("OPTIONS", false, 204, Map.of(), null),
                false,
                false,
                false,
                null);
        Verdict verdict = OutcomeJudge.judge(AttackKind.ACTION, onlyPreflight, "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.REQUEST_NOT_SENT);
        assertThat(verdict.why()).contains("only the preflight OPTIONS");
    }

    @Test
    void a_changed_victim_state_is_action_performed_and_anything_else_blocked() {
        Evidence performed =
                new Evidence(List.of(), null, "navigated", "", get(true, 303), null, false, false, true, null);
        assertThat(OutcomeJudge.judge(AttackKind.ACTION, performed, "alice").outcome())
                .isEqualTo(Outcome.ACTION_PERFORMED);

        Evidence refused = new Evidence(
                List.of(),
                null,
                "navigated",
                "",
                received("POST", true, 403, Map.of(), "csrf-token"),
                null,
                false,
                false,
                false,
                null);
        Verdict verdict = OutcomeJudge.judge(AttackKind.ACTION, refused, "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.ACTION_BLOCKED);
        assertThat(verdict.why()).contains("csrf-token");
    }

    @Test
    void public_data_alone_is_a_public_read_and_private_data_is_stolen() {
        Evidence publicOnly =
                new Evidence(List.of(), null, "public", "", get(false, 200), null, false, true, false, null);
        assertThat(OutcomeJudge.judge(AttackKind.PUBLIC, publicOnly, "alice").outcome())
                .isEqualTo(Outcome.PUBLIC_READ);
        Evidence leaked = new Evidence(List.of(), null, "public", "", get(false, 200), null, true, true, false, null);
        assertThat(OutcomeJudge.judge(AttackKind.PUBLIC, leaked, "alice").outcome())
                .isEqualTo(Outcome.STOLEN);
        Evidence nothing =
                new Evidence(List.of(), null, "failed", "", get(false, 200), null, false, false, false, null);
        assertThat(OutcomeJudge.judge(AttackKind.PUBLIC, nothing, "alice").outcome())
                .isEqualTo(Outcome.ERROR);
    }

    @Test
    void a_failed_browser_step_is_an_error_with_its_reason() {
        Evidence e = new Evidence(
                List.of(),
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                false,
                "the browser step failed: Target crashed");
        Verdict verdict = OutcomeJudge.judge(AttackKind.READ, e, "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(verdict.why()).contains("Target crashed");
    }

    private static JournalEntry login(int status, String refusedBy) {
        return JournalEntry.observed(
                "POST",
                "/login",
                EVIL,
                "social.localhost:7001",
                "cross-site",
                "navigate",
                null,
                "Chromium",
                List.of(),
                false,
                null,
                Map.of(),
                status,
                refusedBy);
    }

    private static Evidence afterwards(JournalEntry received, String postedAs) {
        JournalEntry post = JournalEntry.observed("POST", "/posts", null, postedAs != null, postedAs, 303);
        return withAlicesPost("navigated", received, post);
    }

    /** Evidence of an action case whose page ended as {@code pageResult}, after which Alice wrote {@code post}. */
    private static Evidence withAlicesPost(String pageResult, JournalEntry received, JournalEntry post) {
        return new Evidence(
                List.of(),
                null,
                pageResult,
                null,
                received,
                null,
                false,
                false,
                false,
                null,
                Evidence.Outside.NONE,
                post,
                false);
    }

    @Test
    void an_action_after_which_alices_post_ran_under_another_account_is_performed() {
        Verdict verdict = OutcomeJudge.judge(AttackKind.ACTION, afterwards(login(303, null), "mallory"), "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.ACTION_PERFORMED);
        assertThat(verdict.why()).contains("POST /login", "ran under mallory's session");
    }

    @Test
    void a_refused_forged_login_after_which_alice_posted_as_herself_is_blocked() {
        Verdict verdict =
                OutcomeJudge.judge(AttackKind.ACTION, afterwards(login(403, "login-token"), "alice"), "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.ACTION_BLOCKED);
        assertThat(verdict.why()).contains("login-token defence refused", "under her own session");
    }

    @Test
    void a_post_without_any_session_is_not_the_attackers_win() {
        Verdict verdict = OutcomeJudge.judge(AttackKind.ACTION, afterwards(login(303, null), null), "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.ACTION_BLOCKED);
        assertThat(verdict.why()).contains("without a session");
    }

    /** Session tossing: the attack only prepares Alice's browser; the deciding request is her own post. */
    private static Evidence ownPost(String user, int status, String refusedBy) {
        JournalEntry post = JournalEntry.observed(
                "POST",
                "/posts",
                "http://social.localhost:7001",
                "social.localhost:7001",
                "same-origin",
                "navigate",
                null,
                "Chromium",
                List.of("session", "csrf"),
                user != null,
                user,
                Map.of(),
                status,
                refusedBy);
        return withAlicesPost("planted", post, post);
    }

    @Test
    void alices_own_post_accepted_under_the_attackers_tossed_session_is_performed() {
        Verdict verdict = OutcomeJudge.judge(AttackKind.ACTION, ownPost("mallory", 303, null), "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.ACTION_PERFORMED);
        assertThat(verdict.why()).contains("ran under mallory's session");
    }

    @Test
    void alices_own_post_refused_under_the_attackers_session_landed_nowhere_and_is_blocked() {
        Verdict verdict = OutcomeJudge.judge(AttackKind.ACTION, ownPost("mallory", 403, "csrf-token"), "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.ACTION_BLOCKED);
        assertThat(verdict.why())
                .contains("csrf-token defence refused alice's POST /posts", "under mallory's session")
                .doesNotContain("own session");
    }

    @Test
    void alices_own_post_under_her_own_session_is_blocked_and_says_where_it_landed() {
        Verdict verdict = OutcomeJudge.judge(AttackKind.ACTION, ownPost("alice", 303, null), "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.ACTION_BLOCKED);
        assertThat(verdict.why()).contains("ran under her own session", "her own account");
    }

    @Test
    void a_forged_login_whose_next_post_flock_refused_under_the_attackers_session_is_blocked() {
        JournalEntry refusedPost = JournalEntry.observed(
                "POST",
                "/posts",
                null,
                "social.localhost:7001",
                null,
                null,
                null,
                null,
                List.of(),
                true,
                "mallory",
                Map.of(),
                403,
                "csrf-token");
        Evidence evidence = new Evidence(
                List.of(),
                null,
                "navigated",
                null,
                login(303, null),
                null,
                false,
                false,
                false,
                null,
                Evidence.Outside.NONE,
                refusedPost,
                false);
        Verdict verdict = OutcomeJudge.judge(AttackKind.ACTION, evidence, "alice");
        assertThat(verdict.outcome()).isEqualTo(Outcome.ACTION_BLOCKED);
        assertThat(verdict.why()).contains("came under mallory's session, and Flock refused it (403)");
    }
}
