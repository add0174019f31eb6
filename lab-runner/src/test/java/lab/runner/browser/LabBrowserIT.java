package lab.runner.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lab.runner.LabSession;
import lab.runner.LabTestSession;
import lab.runner.cases.CaseResult;
import lab.runner.cases.CaseRunner;
import lab.scenarios.Outcome;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.Test;

class LabBrowserIT {

    @Test
    void the_browser_reports_its_name_and_version() {
        try (LabBrowser browser = LabBrowser.start(BrowserLocator.locate(Optional.empty()))) {
            BrowserInfo info = browser.info();
            assertThat(info.name()).contains("Chromium");
            assertThat(info.version()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        }
    }

    @Test
    void closing_the_browser_leaves_no_browser_or_driver_process_behind() throws Exception {
        List<ProcessHandle> started;
        try (LabBrowser browser = LabBrowser.start(BrowserLocator.locate(Optional.empty()))) {
            browser.newPage(ThirdPartyCookies.ALLOWED);
            browser.newPage(ThirdPartyCookies.BLOCKED);
            started = ProcessHandle.current().descendants().toList();
            assertThat(started).as("driver and browser processes while running").isNotEmpty();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (started.stream().anyMatch(ProcessHandle::isAlive)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(started.stream()
                        .filter(ProcessHandle::isAlive)
                        .map(p -> p.info().command().orElse("?")))
                .as("processes still alive after close")
                .isEmpty();
    }

    @Test
    void a_browser_that_crashes_fails_the_case_it_was_running_and_the_next_case_gets_a_new_one() throws Exception {
        ScenarioCatalogue catalogue = ScenarioCatalogue.load();
        Scenario theft = catalogue.find("cookie-theft").orElseThrow();
        ScenarioCase stolen = new ScenarioCase(
                Map.of("cors", "reflect", "samesite", "none"), ThirdPartyCookies.ALLOWED, Outcome.STOLEN);
        try (LabSession session = LabTestSession.start(catalogue)) {
            CaseRunner runner = new CaseRunner(session.servers(), session.browser(), Defences.WIDE_OPEN);
            CaseResult before = runner.run(theft, stolen);
            assertThat(before.actual()).isEqualTo(Outcome.STOLEN);
            // Crash it as the operating system would: kill the browser's own processes.
            List<ProcessHandle> browsers = ProcessHandle.current()
                    .descendants()
                    .filter(p -> p.info().command().orElse("").contains("chrom"))
                    .toList();
            assertThat(browsers).isNotEmpty();
            browsers.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle process : browsers) {
                process.onExit().get(10, TimeUnit.SECONDS);
            }

            CaseResult after = runner.run(theft, stolen);
            assertThat(after.actual()).as(after.verdict().why()).isEqualTo(Outcome.STOLEN);
        }
    }

    @Test
    void a_browser_path_that_is_not_an_executable_is_a_clear_error() {
        assertThatThrownBy(() -> BrowserLocator.locate(Optional.of(Path.of("/no/such/chromium"))))
                .isInstanceOf(BrowserUnavailableException.class)
                .hasMessageContaining("/no/such/chromium")
                .hasMessageContaining("apt-get install chromium");
    }

    @Test
    void a_headless_run_prefers_the_headless_shell_and_a_headed_run_the_full_browser() {
        assumeTrue(Files.isExecutable(BrowserLocator.SYSTEM_HEADLESS_SHELL)
                && Files.isExecutable(BrowserLocator.SYSTEM_CHROMIUMS.get(0)));
        assertThat(BrowserLocator.locate(Optional.empty())).contains(BrowserLocator.SYSTEM_HEADLESS_SHELL);
        assertThat(BrowserLocator.locate(Optional.empty(), new BrowserOptions(true, 0)))
                .contains(BrowserLocator.SYSTEM_CHROMIUMS.get(0));
        try (LabBrowser browser = LabBrowser.start(BrowserLocator.locate(Optional.empty()))) {
            assertThat(browser.info().name()).isEqualTo("Chromium headless shell");
        }
    }

    @Test
    void the_headless_shell_named_for_a_headed_run_is_a_clear_error() {
        assumeTrue(Files.isExecutable(BrowserLocator.SYSTEM_HEADLESS_SHELL));
        assertThatThrownBy(() -> BrowserLocator.locate(
                        Optional.of(BrowserLocator.SYSTEM_HEADLESS_SHELL), new BrowserOptions(true, 0)))
                .isInstanceOf(BrowserUnavailableException.class)
                .hasMessageContaining("headless shell")
                .hasMessageContaining("--headed");
    }
}
