package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import lab.runner.cases.CaseResult;
import lab.runner.cases.CaseRunner;
import lab.scenarios.Outcome;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The presets against the foundation's cookie theft, in the real browser. */
class PresetsBrowserIT {

    private static final ScenarioCatalogue CATALOGUE = ScenarioCatalogue.load();
    private static final Scenario COOKIE_THEFT = CATALOGUE.find("cookie-theft").orElseThrow();
    private static LabSession session;

    @BeforeAll
    static void startLab() {
        session = LabTestSession.start(CATALOGUE);
    }

    @AfterAll
    static void stopLab() {
        if (session != null) {
            session.close();
        }
    }

    /** The theft under {@code preset} alone, expected to end in {@code expected}. */
    private static CaseResult theftUnder(Defences preset, ThirdPartyCookies browser, Outcome expected) {
        // An empty defence map: the preset alone decides, as with ./lab serve --preset NAME.
        return new CaseRunner(session.servers(), session.browser(), preset)
                .run(COOKIE_THEFT, new ScenarioCase(Map.of(), browser, expected));
    }

    @ParameterizedTest
    @EnumSource(ThirdPartyCookies.class)
    void hardened_blocks_the_cookie_theft_whatever_the_browser_allows(ThirdPartyCookies browser) {
        CaseResult result = theftUnder(Defences.HARDENED, browser, Outcome.REJECTED_BY_SERVER);
        assertThat(result.actual()).as(result.verdict().why()).isEqualTo(Outcome.REJECTED_BY_SERVER);
        assertThat(result.matches())
                .as("the case's own expectation is the refusal")
                .isTrue();
        assertThat(result.evidence().lootHasPrivate()).isFalse();
        assertThat(result.evidence().victimReceived().sessionCookie()).isFalse();
        assertThat(result.evidence().victimReceived().status()).isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(value = ThirdPartyCookies.class, names = "ALLOWED")
    void wide_open_lets_the_theft_succeed_when_the_browser_allows_third_party_cookies(ThirdPartyCookies browser) {
        CaseResult result = theftUnder(Defences.WIDE_OPEN, browser, Outcome.STOLEN);
        assertThat(result.actual()).as(result.verdict().why()).isEqualTo(Outcome.STOLEN);
        assertThat(result.matches()).isTrue();
    }
}
