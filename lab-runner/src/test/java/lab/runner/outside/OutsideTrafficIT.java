package lab.runner.outside;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.runner.LabCatalogue;
import lab.runner.LabSession;
import lab.runner.LabTestSession;
import lab.runner.cases.CaseObserver;
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
import org.junit.jupiter.api.Test;

/**
 * Only the case's own browser decides a verdict: while a case runs, an outsider (another tab, a script on the
 * machine) posts fake loot holding Alice's e-mail and floods the victim's target path with the attacker's Origin.
 * The outsider strikes after the case's page has finished and before its evidence is gathered, the moment that
 * decides most, so that its traffic is the newest there is; the verdicts stay the lesson's, and the outsider's
 * traffic is counted as such.
 */
class OutsideTrafficIT {

    private static final ScenarioCatalogue CATALOGUE = LabCatalogue.load();
    private static final String ALICES_EMAIL = "alice@wonderland.example";
    private static final int FLOOD_PER_CASE = 10;
    private static final int PREFLIGHTS_PER_CASE = 4;

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

    @Test
    void fake_loot_from_another_tab_does_not_make_a_hardened_cookie_theft_stolen() {
        Outsider outsider = new Outsider(session.servers());
        Scenario theft = scenario("cookie-theft");
        CaseRunner runner = new CaseRunner(session.servers(), session.browser(), Defences.HARDENED)
                .observedBy(whenThePageHasFinished(() -> outsider.fakeLoot("cookie-theft", ALICES_EMAIL)));

        // As the console runs it: the scenario under the current defences, here the hardened preset.
        CaseResult result = runner.run(theft, ScenarioCase.probe(Map.of(), ThirdPartyCookies.ALLOWED));

        assertThat(outsider.sent()).as("the outsider struck during the case").isEqualTo(2);
        assertThat(result.actual()).as(result.verdict().why()).isEqualTo(Outcome.REJECTED_BY_SERVER);
        assertThat(result.evidence().lootHasPrivate()).isFalse();
        assertThat(result.evidence().outside().loot()).isEqualTo(2);
        // The fake loot is still there, for whoever looks at the attacker's backend: it just decided nothing.
        assertThat(session.servers().attacker().loot().since(0))
                .anyMatch(loot -> loot.payload().contains(ALICES_EMAIL) && loot.caseNonce() == null);
    }

    @Test
    void an_outsiders_flood_of_the_target_path_changes_no_outcome_of_a_scenario_run() {
        Outsider outsider = new Outsider(session.servers());
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        for (String id : List.of("cookie-theft", "csrf-json-preflight")) {
            Scenario scenario = scenario(id);
            String attackerOrigin = session.servers().attacker().origin();
            boolean preflighted = scenario.target().method().equals("PUT");
            CaseRunner runner = new CaseRunner(session.servers(), session.browser(), Defences.WIDE_OPEN)
                    .observedBy(whenThePageHasFinished(() -> {
                        outsider.flood(
                                scenario.target().method(), scenario.target().path(), attackerOrigin, FLOOD_PER_CASE);
                        if (preflighted) {
                            outsider.flood("OPTIONS", scenario.target().path(), attackerOrigin, PREFLIGHTS_PER_CASE);
                        }
                        outsider.fakeLoot(id, ALICES_EMAIL);
                    }));
            for (ScenarioCase scenarioCase : scenario.cases()) {
                int sentBefore = outsider.sent();
                CaseResult result = runner.run(scenario, scenarioCase);
                cases++;
                int requests = FLOOD_PER_CASE + (preflighted ? PREFLIGHTS_PER_CASE : 0);
                assertThat(outsider.sent() - sentBefore)
                        .as("the outsider struck during " + result.name())
                        .isEqualTo(requests + 2);
                if (!result.matches()) {
                    mismatches.add(result.name() + ": expected " + result.expected() + ", got " + result.actual() + " ("
                            + result.verdict().why() + ") " + result.evidenceMissing());
                }
                // Every request the outsider sent, and nothing the case's browser sent, counts as outside traffic.
                assertThat(result.evidence().outside().requests())
                        .as("outside requests of " + result.name())
                        .isEqualTo(requests);
                assertThat(result.evidence().outside().loot()).isEqualTo(2);
                assertThat(result.journal())
                        .noneMatch(entry -> entry.userAgent().startsWith(Outsider.USER_AGENT));
            }
        }
        assertThat(mismatches)
                .as("cases whose outcome or evidence the outsider changed, of " + cases)
                .isEmpty();
        assertThat(outsider.sent()).isLessThanOrEqualTo(300);
    }

    private static Scenario scenario(String id) {
        return CATALOGUE.find(id).orElseThrow();
    }

    /** Runs {@code strike} once a case's page has reported its result, before the evidence is gathered. */
    static CaseObserver whenThePageHasFinished(Runnable strike) {
        return new CaseObserver() {
            @Override
            public void step(Scenario scenario, ScenarioCase scenarioCase, String text) {
                if (text.startsWith("The attacker's page shows")) {
                    strike.run();
                }
            }
        };
    }
}
