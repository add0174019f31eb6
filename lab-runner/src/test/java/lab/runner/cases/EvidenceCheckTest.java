package lab.runner.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.runner.LabCatalogue;
import lab.scenarios.DecisiveEvidence;
import lab.scenarios.Engines;
import lab.scenarios.Loot;
import lab.scenarios.Outcome;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.Test;

class EvidenceCheckTest {

    private static final String NO_HEADER =
            "error: Access to fetch at 'http://social.localhost:7001/api/me' from origin 'http://evil.localhost:7002'"
                    + " has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the"
                    + " requested resource.";

    private static JournalEntry received(boolean cookie, int status, String refusedBy) {
        return JournalEntry.observed(
                "GET",
                "/api/me",
                "http://evil.localhost:7002",
                "social.localhost:7001",
                "cross-site",
                "cors",
                null,
                "Chromium",
                cookie ? List.of("session") : List.of(),
                cookie,
                cookie ? "alice" : null,
                Map.of(),
                status,
                refusedBy);
    }

    private static Evidence evidence(List<String> console, JournalEntry received, boolean lootPrivate) {
        return new Evidence(
                console, null, "failed", "TypeError: Failed to fetch", received, null, lootPrivate, false, false, null);
    }

    private static ScenarioCase expecting(DecisiveEvidence evidence) {
        return new ScenarioCase(
                Map.of("cors", "off"),
                ThirdPartyCookies.ALLOWED,
                null,
                Map.of(Engines.CHROMIUM, Outcome.READ_BLOCKED, Engines.FIREFOX, Outcome.READ_BLOCKED),
                evidence);
    }

    private static DecisiveEvidence readBlocked(String words) {
        return new DecisiveEvidence(
                Map.of(Engines.CHROMIUM, words),
                true,
                200,
                "none",
                false,
                true,
                null,
                "http://evil.localhost",
                Loot.NONE,
                false,
                null);
    }

    @Test
    void every_check_that_holds_leaves_nothing_missing() {
        List<String> missing = EvidenceCheck.missing(
                expecting(readBlocked("No 'Access-Control-Allow-Origin' header is present")),
                evidence(List.of(NO_HEADER), received(true, 200, null), false),
                Engines.CHROMIUM);
        assertThat(missing).isEmpty();
    }

    @Test
    void the_browser_saying_something_else_is_missing_evidence_that_quotes_what_it_said() {
        List<String> missing = EvidenceCheck.missing(
                expecting(readBlocked("must not be the wildcard")),
                evidence(List.of(NO_HEADER), received(true, 200, null), false),
                Engines.CHROMIUM);
        assertThat(missing)
                .containsExactly("expected the browser to say 'must not be the wildcard'; it said '" + NO_HEADER + "'");
    }

    @Test
    void words_for_another_engine_are_not_checked_in_this_one() {
        DecisiveEvidence firefoxOnly = new DecisiveEvidence(
                Map.of(Engines.FIREFOX, "Cross-Origin Request Blocked"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(EvidenceCheck.missing(
                        expecting(firefoxOnly),
                        evidence(List.of(), received(true, 200, null), false),
                        Engines.CHROMIUM))
                .isEmpty();
    }

    @Test
    void the_journal_and_the_loot_disagreeing_with_the_lesson_is_missing_evidence() {
        List<String> missing = EvidenceCheck.missing(
                expecting(readBlocked("No 'Access-Control-Allow-Origin' header is present")),
                evidence(List.of(NO_HEADER), received(false, 403, "fetch-metadata"), true),
                Engines.CHROMIUM);
        assertThat(missing)
                .containsExactly(
                        "expected Alice's session cookie on the request; there was none",
                        "expected the victim to answer 200; it was 403",
                        "expected the refusing defence to be none; it was fetch-metadata",
                        "expected the attacker's loot to hold none; it was private");
    }

    @Test
    void a_request_that_never_arrived_cannot_carry_the_expected_evidence() {
        List<String> missing = EvidenceCheck.missing(
                expecting(readBlocked("No 'Access-Control-Allow-Origin' header is present")),
                evidence(List.of(NO_HEADER), null, false),
                Engines.CHROMIUM);
        assertThat(missing)
                .containsExactly(
                        "expected the request to reach the victim; there was none",
                        "expected the victim to receive the deciding request; it never arrived");
    }

    @Test
    void sec_fetch_site_is_read_from_the_deciding_request() {
        DecisiveEvidence forged =
                new DecisiveEvidence(Map.of(), null, null, null, null, null, "same-origin", null, null, null, null);
        // received(...) is a cross-site read, as the spam page's fetch is.
        assertThat(EvidenceCheck.missing(
                        expecting(forged), evidence(List.of(), received(true, 200, null), false), Engines.CHROMIUM))
                .containsExactly("expected Sec-Fetch-Site to be same-origin; it was cross-site");
    }

    @Test
    void sec_fetch_mode_is_read_from_the_deciding_request_and_none_means_no_header() {
        DecisiveEvidence websocket = new DecisiveEvidence(
                Map.of(), null, null, null, null, null, null, null, null, null, null, null, "websocket", null, null);
        DecisiveEvidence noHeader = new DecisiveEvidence(
                Map.of(), null, null, null, null, null, null, null, null, null, null, null, "none", null, null);
        // received(...) carries Sec-Fetch-Mode: cors, as the spam page's fetch does.
        assertThat(EvidenceCheck.missing(
                        expecting(websocket), evidence(List.of(), received(true, 200, null), false), Engines.CHROMIUM))
                .containsExactly("expected Sec-Fetch-Mode to be websocket; it was cors");
        assertThat(EvidenceCheck.missing(
                        expecting(noHeader), evidence(List.of(), received(true, 200, null), false), Engines.CHROMIUM))
                .containsExactly("expected Sec-Fetch-Mode to be none; it was cors");
        assertThat(EvidenceCheck.missing(expecting(noHeader), evidence(List.of(), null, false), Engines.CHROMIUM))
                .containsExactly("expected the victim to receive the deciding request; it never arrived");
    }

    @Test
    void a_result_with_the_right_outcome_but_missing_evidence_does_not_match() {
        Scenario theft = LabCatalogue.load().find("cookie-theft").orElseThrow();
        ScenarioCase wildcard = theft.cases().stream()
                .filter(c -> "wildcard".equals(c.defences().get("cors")))
                .findFirst()
                .orElseThrow();
        CaseResult result = new CaseResult(
                theft,
                wildcard,
                new Verdict(Outcome.READ_BLOCKED, "blocked"),
                evidence(List.of(NO_HEADER), received(true, 200, null), false),
                List.of(),
                null,
                null,
                10,
                EvidenceCheck.missing(
                        wildcard, evidence(List.of(NO_HEADER), received(true, 200, null), false), Engines.CHROMIUM),
                Engines.CHROMIUM,
                null);
        assertThat(result.outcomeMatches()).isTrue();
        assertThat(result.evidenceFailed()).isTrue();
        assertThat(result.matches()).isFalse();
        assertThat(result.evidenceMissing()).singleElement().asString().contains("must not be the wildcard");
    }

    private static DecisiveEvidence postedAs(String user) {
        return new DecisiveEvidence(
                Map.of(), null, null, null, null, null, null, null, null, null, user, null, null, null, null);
    }

    private static Evidence withPost(JournalEntry post) {
        return new Evidence(
                List.of(),
                null,
                "navigated",
                null,
                received(false, 303, null),
                null,
                false,
                false,
                false,
                null,
                Evidence.Outside.NONE,
                post);
    }

    @Test
    void the_account_alices_next_post_ran_under_is_checked() {
        JournalEntry asMallory = JournalEntry.observed("POST", "/posts", null, true, "mallory", 303);
        assertThat(EvidenceCheck.missing(expecting(postedAs("mallory")), withPost(asMallory), Engines.CHROMIUM))
                .isEmpty();
        assertThat(EvidenceCheck.missing(expecting(postedAs("alice")), withPost(asMallory), Engines.CHROMIUM))
                .containsExactly("expected Alice's next post to run as alice; it was mallory");
        JournalEntry anonymous = JournalEntry.observed("POST", "/posts", null, false, null, 302);
        assertThat(EvidenceCheck.missing(expecting(postedAs("none")), withPost(anonymous), Engines.CHROMIUM))
                .isEmpty();
        assertThat(EvidenceCheck.missing(expecting(postedAs("mallory")), withPost(null), Engines.CHROMIUM))
                .containsExactly("expected Alice's next post to run as mallory; it was (no post)");
    }

    private static DecisiveEvidence cookiesAndMessage(List<String> cookies, Boolean messageReceived) {
        return new DecisiveEvidence(
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                cookies,
                messageReceived);
    }

    private static Evidence withMessage(JournalEntry received, boolean messageFromVictim) {
        return new Evidence(
                List.of(),
                null,
                "read",
                "",
                received,
                null,
                false,
                false,
                false,
                null,
                Evidence.Outside.NONE,
                null,
                messageFromVictim);
    }

    @Test
    void the_cookies_on_the_deciding_request_must_be_exactly_the_stated_ones_in_any_order() {
        JournalEntry both = JournalEntry.observed(
                "GET",
                "/widget",
                null,
                "social.localhost:7001",
                "cross-site",
                "navigate",
                null,
                "Chromium",
                List.of("flock_widget", "session"),
                true,
                "alice",
                Map.of(),
                200,
                null);
        assertThat(EvidenceCheck.missing(
                        expecting(cookiesAndMessage(List.of("session", "flock_widget"), null)),
                        withMessage(both, false),
                        Engines.CHROMIUM))
                .isEmpty();
        assertThat(EvidenceCheck.missing(
                        expecting(cookiesAndMessage(List.of("flock_widget"), null)),
                        withMessage(both, false),
                        Engines.CHROMIUM))
                .containsExactly("expected the request to carry exactly the cookies [flock_widget]; it carried"
                        + " [flock_widget, session]");
        assertThat(EvidenceCheck.missing(
                        expecting(cookiesAndMessage(List.of(), null)), withMessage(null, false), Engines.CHROMIUM))
                .containsExactly("expected the victim to receive the deciding request; it never arrived");
    }

    @Test
    void a_message_from_the_victim_is_checked_both_ways() {
        JournalEntry received = received(true, 200, null);
        assertThat(EvidenceCheck.missing(
                        expecting(cookiesAndMessage(null, true)), withMessage(received, true), Engines.CHROMIUM))
                .isEmpty();
        assertThat(EvidenceCheck.missing(
                        expecting(cookiesAndMessage(null, true)), withMessage(received, false), Engines.CHROMIUM))
                .containsExactly("expected a message from the victim's origin to reach the attacker's page; there"
                        + " was none");
        assertThat(EvidenceCheck.missing(
                        expecting(cookiesAndMessage(null, false)), withMessage(received, true), Engines.CHROMIUM))
                .containsExactly(
                        "expected no message from the victim's origin to reach the attacker's page; there" + " was");
    }
}
