package lab.runner.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import lab.attacker.loot.Loot;
import lab.scenarios.ThirdPartyCookies;
import lab.scenarios.challenges.Challenge;
import lab.scenarios.challenges.ChallengeKind;
import lab.scenarios.challenges.Goal;
import lab.victim.data.Profile;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.Test;

/** The judge of attack challenges decides from the delivery's evidence alone: the read and its effect, both. */
class ChallengeJudgeTest {

    private static final Profile ALICE =
            new Profile("alice", "Alice Liddell", "alice@wonderland.example", "+44 20 7946 0018");
    private static final String EXPLOIT = "http://evil.localhost:7002";
    private static final String STOLEN =
            "{\"username\":\"alice\",\"email\":\"alice@wonderland.example\",\"phone\":\"+44 20 7946 0018\"}";

    private static Challenge challenge(Goal goal) {
        return new Challenge(
                "c",
                ChallengeKind.ATTACK,
                "t",
                "b",
                Map.of(),
                ThirdPartyCookies.ALLOWED,
                goal,
                List.of("h"),
                "solution.html",
                "evil.localhost",
                Map.of(),
                List.of(),
                List.of());
    }

    private static JournalEntry request(String method, String path, String origin, boolean cookie, int status) {
        return new JournalEntry(
                1,
                Instant.now(),
                method,
                path,
                origin,
                "social.localhost:7001",
                "cross-site",
                "cors",
                null,
                "Chrome SameOriginLab/0123456789abcdef0123456789abcdef",
                cookie ? List.of("session") : List.of(),
                cookie,
                cookie ? "alice" : null,
                Map.of(),
                status,
                null);
    }

    private static DeliveryEvidence evidence(List<JournalEntry> requests, List<String> loot, String emailAfter) {
        return new DeliveryEvidence(
                EXPLOIT,
                requests,
                loot.stream()
                        .map(p -> new Loot(1, Instant.now(), "x", "alice", p, "nonce"))
                        .toList(),
                ALICE.email(),
                emailAfter,
                false,
                "the page reported it was done",
                null,
                null,
                Evidence.Outside.NONE);
    }

    private static ChallengeVerdict judge(Goal goal, DeliveryEvidence e) {
        return ChallengeJudge.judge(challenge(goal), e, ALICE, List.of("bob@builder.example"), 1);
    }

    @Test
    void theCredentialedReadFromTheExploitAndTheSecretInItsLootSolveIt() {
        ChallengeVerdict verdict = judge(
                Goal.STEAL_PROFILE,
                evidence(List.of(request("GET", "/api/me", EXPLOIT, true, 200)), List.of(STOLEN), ALICE.email()));
        assertThat(verdict.solved()).isTrue();
        assertThat(verdict.missing()).isEmpty();
    }

    @Test
    void lootWithoutTheReadSolvesNothing() {
        ChallengeVerdict verdict = judge(Goal.STEAL_PROFILE, evidence(List.of(), List.of(STOLEN), ALICE.email()));
        assertThat(verdict.solved()).isFalse();
        assertThat(verdict.missing()).singleElement().asString().contains("GET /api/me", "none arrived");
    }

    @Test
    void aReadWithoutOriginOrWithoutTheCookieIsNotTheDecisiveRequest() {
        assertThat(judge(
                                Goal.STEAL_PROFILE,
                                evidence(
                                        List.of(request("GET", "/api/me", null, true, 200)),
                                        List.of(STOLEN),
                                        ALICE.email()))
                        .solved())
                .isFalse();
        assertThat(judge(
                                Goal.STEAL_PROFILE,
                                evidence(
                                        List.of(request("GET", "/api/me", EXPLOIT, false, 401)),
                                        List.of(STOLEN),
                                        ALICE.email()))
                        .solved())
                .isFalse();
    }

    @Test
    void anEmailChangeNeedsTheObeyedRequestAndTheChangedAddress() {
        JournalEntry post = request("POST", "/settings/email", EXPLOIT, true, 303);
        assertThat(judge(Goal.CHANGE_EMAIL, evidence(List.of(post), List.of(), "mallory@evil.example"))
                        .solved())
                .isTrue();
        assertThat(judge(Goal.CHANGE_EMAIL, evidence(List.of(post), List.of(), ALICE.email()))
                        .missing())
                .singleElement()
                .asString()
                .contains("still alice@wonderland.example");
        assertThat(judge(Goal.CHANGE_EMAIL, evidence(List.of(), List.of(), "mallory@evil.example"))
                        .solved())
                .isFalse();
    }

    @Test
    void aPasswordCountsOnlyWhenAliceTypedIt() {
        DeliveryEvidence posted = evidence(
                List.of(request("GET", "/api/me", EXPLOIT, true, 200)),
                List.of("{\"password\":\"wonderland\"}"),
                ALICE.email());
        assertThat(judge(Goal.PASSWORD, posted).missing())
                .anySatisfy(m -> assertThat(m).contains("Alice typed her password nowhere"));
    }
}
