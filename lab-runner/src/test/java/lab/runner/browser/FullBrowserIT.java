package lab.runner.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lab.runner.LabSession;
import lab.runner.cases.CaseResult;
import lab.runner.cases.CaseRunner;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Headed runs, and machines without the headless shell, drive the full browser, which takes its third-party
 * cookie setting from a profile per setting instead of from DevTools per page. The lessons that hang on that
 * setting must end the same there, the sandboxed frame of the null-origin lesson included.
 */
class FullBrowserIT {

    private static final Path FULL_CHROMIUM = BrowserLocator.SYSTEM_CHROMIUMS.get(0);
    private static final ScenarioCatalogue CATALOGUE = ScenarioCatalogue.load();
    private static final List<String> SETTING_DEPENDENT =
            List.of("third-party-cookies", "null-origin", "phishing-replica");
    private static LabSession session;

    @BeforeAll
    static void startLab() {
        assumeTrue(Files.isExecutable(FULL_CHROMIUM), FULL_CHROMIUM + " is not installed");
        session = LabSession.start(CATALOGUE, Optional.of(FULL_CHROMIUM), Defences.WIDE_OPEN);
    }

    @AfterAll
    static void stopLab() {
        if (session != null) {
            session.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> the_lessons_that_hang_on_the_third_party_cookie_setting_end_the_same_in_the_full_browser() {
        assertThat(session.browser().info().name()).isEqualTo("Chromium");
        CaseRunner runner = new CaseRunner(session.servers(), session.browser(), Defences.WIDE_OPEN);
        return SETTING_DEPENDENT.stream()
                .map(id -> CATALOGUE.find(id).orElseThrow())
                .flatMap((Scenario scenario) -> scenario.cases().stream()
                        .map(scenarioCase ->
                                DynamicTest.dynamicTest("full browser: " + scenario.caseName(scenarioCase), () -> {
                                    CaseResult result = runner.run(scenario, scenarioCase);
                                    assertThat(result.actual())
                                            .as(result.verdict().why())
                                            .isEqualTo(result.expected());
                                })));
    }
}
