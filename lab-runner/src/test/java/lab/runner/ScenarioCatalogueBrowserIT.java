package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lab.runner.cases.CaseResult;
import lab.runner.cases.CaseRunner;
import lab.runner.cases.Evidence;
import lab.runner.report.Terminal;
import lab.runner.report.TextReport;
import lab.scenarios.Engines;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole catalogue in every engine (Chromium and Firefox; {@code -Dlab.engines=chromium} for one), grouped like
 * the lessons: one container per engine, in it one per scenario, named by its title, and in that one test per
 * case, named by its conditions and the outcome expected in that engine:
 * {@code cors=reflect, samesite=none, third-party cookies allowed -> STOLEN}. A missing Firefox fails its
 * container: the catalogue is never silently measured in one engine only.
 *
 * <p>Each test checks the outcome decided from evidence against the lesson's expectation, then the case's own
 * decisive evidence from its {@code scenario.json} (the browser's words, whether the cookie arrived, which
 * defence refused), then the evidence every outcome of its kind shares: what the page could read, what the
 * victim server received, what the attacker kept.
 */
class ScenarioCatalogueBrowserIT {

    private static final ScenarioCatalogue CATALOGUE = LabCatalogue.load();
    /** The suite is a teaching demo too: each case prints its verdict line, as ./lab run does. */
    private static final TextReport REPORT = new TextReport(new PrintWriter(System.out, true), Terminal.PLAIN);

    private static final String SEEDED_EMAIL = "alice@wonderland.example";
    /** One lab per engine, started when its first case runs, so that the engines run one after the other. */
    private static final Map<String, LabSession> SESSIONS = new LinkedHashMap<>();

    private static final Map<String, CaseRunner> RUNNERS = new LinkedHashMap<>();

    private static LabSession session;

    @AfterAll
    static void stopLabs() {
        SESSIONS.values().forEach(LabSession::close);
    }

    /** The engines to run in: {@code -Dlab.engines=chromium,firefox} (the default: every engine). */
    static List<String> engines() {
        return List.of(
                System.getProperty("lab.engines", String.join(",", Engines.ALL)).split(","));
    }

    @TestFactory
    Stream<DynamicContainer> every_case_of_the_catalogue_ends_as_its_lesson_says_in_every_engine() {
        return engines().stream()
                .map(engine -> DynamicContainer.dynamicContainer(
                        Engines.displayName(engine),
                        CATALOGUE.all().stream()
                                .map(scenario -> DynamicContainer.dynamicContainer(
                                        scenario.title(),
                                        scenario.cases().stream()
                                                .map(scenarioCase -> DynamicTest.dynamicTest(
                                                        scenarioCase.conditions() + " -> "
                                                                + scenarioCase.expected(engine),
                                                        () -> runAndCheck(engine, scenario, scenarioCase)))))));
    }

    /** The lab of {@code engine}; the previous engine's lab is closed first, so that only one browser runs. */
    private static synchronized CaseRunner runnerFor(String engine) {
        if (!SESSIONS.containsKey(engine)) {
            SESSIONS.values().forEach(LabSession::close);
            LabSession started = LabTestSession.start(CATALOGUE, engine);
            SESSIONS.put(engine, started);
            RUNNERS.put(engine, new CaseRunner(started.servers(), started.browser(), Defences.WIDE_OPEN));
        }
        session = SESSIONS.get(engine);
        return RUNNERS.get(engine);
    }

    private static void runAndCheck(String engine, Scenario scenario, ScenarioCase scenarioCase) {
        CaseResult result = runnerFor(engine).run(scenario, scenarioCase);
        assertThat(result.engine()).isEqualTo(engine);
        REPORT.caseFinished(result);
        assertThat(result.actual()).as(result.verdict().why()).isEqualTo(result.expected());
        assertThat(result.evidenceMissing())
                .as("the decisive evidence of " + result.name() + ": "
                        + scenarioCase.evidence(engine).describe(engine))
                .isEmpty();
        checkEvidence(result);
    }

    /** The evidence behind each outcome, checked on its own so that a judge bug cannot hide a wrong story. */
    private static void checkEvidence(CaseResult result) {
        Evidence evidence = result.evidence();
        String email = session.servers()
                .victim()
                .database()
                .profile(CaseRunner.VICTIM_USER)
                .orElseThrow()
                .email();
        JournalEntry received = evidence.victimReceived();
        // The page's report reaches the runner through the console too, but it is the runner's, not evidence.
        assertThat(evidence.console()).noneSatisfy(m -> assertThat(m).contains("lab-runner report"));
        switch (result.actual()) {
            case STOLEN -> {
                assertThat(evidence.lootHasPrivate()).isTrue();
                assertThat(session.servers().attacker().loot().since(0))
                        .anySatisfy(loot -> assertThat(loot.payload()).contains(email));
            }
            case READ_BLOCKED -> {
                assertThat(received.sessionCookie()).isTrue();
                assertThat(received.status()).isEqualTo(200);
                assertThat(evidence.pageSaw()).doesNotContain(email);
                if (result.scenarioCase().evidence(result.engine()).messageReceived() != null) {
                    // A framed widget: the browser kept its message from the page (target origin, framing).
                    assertThat(evidence.messageFromVictim()).isFalse();
                } else {
                    // In the engine's own words: Chromium's console, Firefox's page errors.
                    assertThat(evidence.browserSaid())
                            .as("the browser's explanation of the blocked read")
                            .isNotNull();
                }
                assertThat(evidence.lootHasPrivate()).isFalse();
            }
            case COOKIE_WITHHELD -> {
                assertThat(received.sessionCookie()).isFalse();
                assertThat(received.cookieNames()).doesNotContain("session");
                assertThat(received.refusedBy()).isNull();
                assertThat(received.status()).isEqualTo(withoutSession(received.path()));
                assertThat(evidence.lootHasPrivate()).isFalse();
            }
            case REJECTED_BY_SERVER -> {
                assertThat(received.refusedBy()).isNotNull();
                assertThat(received.status()).isBetween(400, 499);
                assertThat(evidence.lootHasPrivate()).isFalse();
            }
            case REQUEST_NOT_SENT -> {
                assertThat(received).isNull();
                // A refused preflight leaves the preflight alone in the journal; a permission the page lacks or a
                // frame the browser would not show leave nothing at all.
                boolean preflighted = Boolean.TRUE.equals(
                        result.scenarioCase().evidence(result.engine()).preflight());
                assertThat(evidence.preflight() != null)
                        .as("the journal shows the preflight only, or nothing")
                        .isEqualTo(preflighted);
                assertThat(email).isEqualTo(SEEDED_EMAIL);
            }
            // The action's effect: Alice's e-mail is the attacker's, or (login CSRF) what she wrote next ran in
            // another account.
            case ACTION_PERFORMED -> {
                if (evidence.alicePost() == null) {
                    assertThat(email).isEqualTo("mallory@evil.example");
                } else {
                    assertThat(evidence.alicePostedAs()).isNotEqualTo(CaseRunner.VICTIM_USER);
                    assertThat(evidence.alicePost().status()).isLessThan(400);
                    assertThat(evidence.alicePost().refusedBy()).isNull();
                }
            }
            case ACTION_BLOCKED -> {
                assertThat(email).isEqualTo(SEEDED_EMAIL);
                // Her post ran as herself, or Flock refused it (session tossing under the synchronizer token).
                if (evidence.alicePost() != null && evidence.alicePost().refusedBy() == null) {
                    assertThat(evidence.alicePostedAs()).isEqualTo(CaseRunner.VICTIM_USER);
                }
            }
            case PUBLIC_READ -> {
                assertThat(evidence.lootHasPublic()).isTrue();
                assertThat(evidence.lootHasPrivate()).isFalse();
                assertThat(received).isNotNull();
                assertThat(received.sessionCookie()).isFalse();
            }
            case ERROR ->
                throw new AssertionError(
                        "the case could not be judged: " + result.verdict().why());
        }
    }

    /**
     * Flock's answer to a visitor without a session: 401 from the JSON API, a socket that opens only to say
     * login-required (101), and a page or the JSONP script saying "not signed in" (200).
     */
    private static int withoutSession(String path) {
        if (path.startsWith("/ws/")) {
            return 101;
        }
        return path.startsWith("/api/") && !path.endsWith(".js") ? 401 : 200;
    }
}
