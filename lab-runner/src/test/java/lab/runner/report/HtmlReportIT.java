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
            Path single = new HtmlReport().writeFile(directory.resolve("alone/report.html"), List.of(stolen, mismatch));

            Page page = session.browser().newPage(ThirdPartyCookies.BLOCKED);
            try {
                page.setViewportSize(1280, 720);
                page.navigate(index.toUri().toString());
                assertThat(page.textContent("#summary")).contains("2 cases", "1 as the lessons expect", "1 not");
                assertThat(page.textContent("header")).contains("Chromium");
                assertThat(page.locator("table.matrix td.outcome").allTextContents())
                        .containsExactly("STOLEN\u2713", "READ_BLOCKED\u2717");
                // Colour says what happened to Alice; the tick says whether the lesson held: a passing theft is red.
                assertThat(page.getAttribute("table.matrix td.outcome >> nth=0", "class"))
                        .contains("worked")
                        .doesNotContain("miss");
                assertThat(page.getAttribute("table.matrix td.outcome >> nth=1", "class"))
                        .contains("blocked", "miss");
                // The summary and the matrices come first; the cases follow, folded.
                Object order = page.evaluate("() => document.querySelector('#summary').getBoundingClientRect().top"
                        + " < document.querySelector('table.matrix').getBoundingClientRect().top"
                        + " && document.querySelector('table.matrix').getBoundingClientRect().top"
                        + " < document.querySelector('details.case').getBoundingClientRect().top");
                assertThat(order).isEqualTo(true);
                assertThat(page.locator("details.case").count()).isEqualTo(2);
                assertThat(page.locator("details.case[open]").count()).isZero();
                assertThat(page.textContent("body")).contains("blocked by CORS policy", "GET /api/me", "yes (alice)");

                // The filter by outcome hides the other case; a matrix link opens its case.
                page.selectOption("#filter-outcome", "STOLEN");
                assertThat(page.locator("details.case:visible").count()).isEqualTo(1);
                assertThat(page.textContent("#shown")).isEqualTo("1 of 2 cases shown");
                page.selectOption("#filter-outcome", "");
                page.click("table.matrix td.outcome >> nth=1 >> a");
                // The page opens the case on the hashchange event, which comes after the click returns.
                page.waitForSelector("details.case[open]");
                assertThat(page.locator("details.case[open]").count()).isEqualTo(1);
                assertThat(page.locator("details.case[open] .badge").textContent())
                        .isEqualTo("READ_BLOCKED");

                page.evaluate("() => document.querySelectorAll('details.case').forEach(d => d.open = true)");
                assertThat(loadedImages(page)).isEqualTo(2);
                String traceLink = page.getAttribute("details.case a[href$='.zip']", "href");
                assertThat(Files.exists(directory.resolve(traceLink))).isTrue();
                assertThat(page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"))
                        .isEqualTo(true);

                // The single file holds its images and its trace: it needs nothing beside it.
                assertThat(Files.list(single.getParent()).toList()).containsExactly(single);
                page.navigate(single.toUri().toString());
                page.evaluate("() => document.querySelectorAll('details.case').forEach(d => d.open = true)");
                assertThat(loadedImages(page)).isEqualTo(2);
                assertThat(page.getAttribute("details.case a[download]", "href"))
                        .startsWith("data:application/zip;base64,");
            } finally {
                page.close();
            }
        }
    }

    private static Object loadedImages(Page page) {
        page.waitForFunction("() => [...document.querySelectorAll('img.shot')].every(i => i.complete)");
        return page.evaluate("() => [...document.querySelectorAll('img.shot')]"
                + ".filter(i => i.complete && i.naturalWidth > 0).length");
    }
}
