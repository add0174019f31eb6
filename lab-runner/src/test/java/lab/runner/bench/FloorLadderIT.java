package lab.runner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import lab.runner.browser.BrowserLocator;
import lab.runner.browser.LabBrowser;
import lab.scenarios.ScenarioCatalogue;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's floor and its steps run in the real browser and each did what it is named after: every step
 * checks its pages' reports and what the victim and the attacker's backend received, and throws otherwise (a
 * refused read that was read, a read that was not Alice's, a theft that sent nothing home). Times are not
 * asserted: they are for ./lab bench to print.
 */
class FloorLadderIT {

    @Test
    void every_step_from_the_floor_to_a_lab_case_runs_as_named_in_the_real_browser() {
        List<Benchmarks.FloorStep> ladder;
        try (LabBrowser browser = LabBrowser.start(BrowserLocator.locate(Optional.empty()))) {
            ladder = Benchmarks.floorLadder(browser, ScenarioCatalogue.load(), 2, 1);
        }
        assertThat(ladder)
                .extracting(Benchmarks.FloorStep::key)
                .containsExactly("floor", "victimRefused", "labPageRefused", "labPageRead");
        assertThat(ladder).allSatisfy(step -> {
            assertThat(step.millis()).as(step.key()).hasSize(2);
            assertThat(java.util.Arrays.stream(step.millis()).min().orElseThrow())
                    .as(step.key())
                    .isPositive();
        });
    }
}
