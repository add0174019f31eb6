package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole catalogue in the real headless Chromium, grouped like the lessons: one container per scenario, named
 * by its title, and in it one test per case, named by its conditions and expected outcome:
 * {@code cors=reflect, samesite=none, third-party cookies allowed -> STOLEN}.
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
    private static LabSession session;
    private static CaseRunner runner;

    @BeforeAll
    static void startLab() {
        session = LabTestSession.start(CATALOGUE);
        runner = new CaseRunner(session.servers(), session.browser(), Defences.WIDE_OPEN);
    }

    @AfterAll
    static void stopLab() {
        if (session != null) {
            session.close();
        }
    }

    @TestFactory
    Stream<DynamicContainer> every_case_of_the_catalogue_ends_as_its_lesson_says() {
        return CATALOGUE.all().stream()
                .map(scenario -> DynamicContainer.dynamicContainer(
                        scenario.title(),
                        scenario.cases().stream()
                                .map(scenarioCase -> DynamicTest.dynamicTest(
                                        scenarioCase.conditions() + " -> " + scenarioCase.expected(),
                                        () -> runAndCheck(scenario, scenarioCase)))));
    }

    private static void runAndCheck(Scenario scenario, ScenarioCase scenarioCase) {
        CaseResult result = runner.run(scenario, scenarioCase);
        REPORT.caseFinished(result);
        assertThat(result.actual()).as(result.verdict().why()).isEqualTo(result.expected());
        assertThat(result.evidenceMissing())
                .as("the decisive evidence of " + result.name() + ": "
                        + scenarioCase.evidence().describe(Engines.CHROMIUM))
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
                assertThat(evidence.console()).anySatisfy(m -> assertThat(m).contains("blocked by CORS policy"));
                assertThat(evidence.lootHasPrivate()).isFalse();
            }
            case COOKIE_WITHHELD -> {
                assertThat(received.sessionCookie()).isFalse();
                assertThat(received.cookieNames()).doesNotContain("session");
                assertThat(received.status()).isEqualTo(401);
                assertThat(evidence.lootHasPrivate()).isFalse();
            }
            case REJECTED_BY_SERVER -> {
                assertThat(received.refusedBy()).isNotNull();
                assertThat(received.status()).isBetween(400, 499);
                assertThat(evidence.lootHasPrivate()).isFalse();
            }
            case REQUEST_NOT_SENT -> {
                assertThat(received).isNull();
                assertThat(evidence.preflight())
                        .as("the journal shows the preflight only")
                        .isNotNull();
                assertThat(email).isEqualTo(SEEDED_EMAIL);
            }
            case ACTION_PERFORMED -> assertThat(email).isEqualTo("mallory@evil.example");
            case ACTION_BLOCKED -> assertThat(email).isEqualTo(SEEDED_EMAIL);
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
}
