package lab.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report, opened from the file system in Chromium as a trainer would open it. */
class HtmlReportIT {

    @TempDir
    Path directory;

    @Test
    void the_report_opens_offline_and_shows_the_matrix_and_each_cases_screenshot_evidence_and_trace() throws Exception {
        ScenarioCatalogue catalogue = ScenarioCatalogue.load();
        Scenario theft = catalogue.find("cookie-theft").orElseThrow();
        try (LabSession session = LabTestSession.start(catalogue)) {
            CaseRunner runner = new CaseRunner(session.servers(), session.browser(), Defences.WIDE_OPEN)
                    .observedBy(new CaseObserver() {
                        @Override
                        public boolean wantsScreenshot() {
                            return true;
                        }
                    })
                    .keepingTracesOfMismatchesIn(directory.resolve(HtmlReport.TRACES));
            CaseResult stolen = runner.run(
                    theft,
                    new ScenarioCase(
                            Map.of("cors", "reflect", "samesite", "none"), ThirdPartyCookies.ALLOWED, Outcome.STOLEN));
            // A wrong expectation on purpose: the report must flag it and keep its trace.
            CaseResult mismatch = runner.run(
                    theft,
                    new ScenarioCase(
                            Map.of("cors", "allowlist", "samesite", "none"),
                            ThirdPartyCookies.ALLOWED,
                            Outcome.STOLEN));
            assertThat(stolen.matches()).isTrue();
            assertThat(mismatch.matches()).isFalse();
            assertThat(mismatch.trace()).isNotNull().exists();

            Path index = new HtmlReport().write(directory, List.of(stolen, mismatch));

            Page page = session.browser().newPage(ThirdPartyCookies.BLOCKED);
            try {
                page.navigate(index.toUri().toString());
                assertThat(page.textContent("header")).contains("Chromium", "1 cases as the lessons expect, 1 not");
                assertThat(page.locator("table.matrix td.outcome").allTextContents())
                        .containsExactly("STOLEN", "READ_BLOCKED");
                assertThat(page.locator("table.matrix td.bad").count()).isEqualTo(1);
                assertThat(page.locator("details.case").count()).isEqualTo(2);
                assertThat(page.textContent("body")).contains("blocked by CORS policy", "GET /api/me", "yes (alice)");
                Object loadedImages = page.evaluate(
                        "() => [...document.querySelectorAll('img.shot')].filter(i => i.complete && i.naturalWidth > 0).length");
                assertThat(loadedImages).isEqualTo(2);
                String traceLink = page.getAttribute("details.case a[href$='.zip']", "href");
                assertThat(Files.exists(directory.resolve(traceLink))).isTrue();
            } finally {
                page.close();
            }
        }
    }
}
