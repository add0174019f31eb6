package lab.runner.cases;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.List;
import java.util.function.Consumer;
import lab.attacker.rebind.RebindingProxy;
import lab.runner.LabServers;
import lab.runner.browser.BrowserEngine;
import lab.runner.browser.BrowserWords;
import lab.runner.browser.PageReports;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;

/**
 * Drives the attacker's page of a case: opens it under the case's host name, then follows it until it reports a
 * result or sends the browser elsewhere, handing its questions to Alice on the way.
 */
final class AttackerPageDriver {

    private static final long FINISH_TIMEOUT_MILLIS = 10_000;

    /** JPEG quality of a case's screenshot: the page's text stays sharp enough to read in the report. */
    private static final int SCREENSHOT_QUALITY = 80;
    /**
     * How long to wait for the browser's explanation after the script saw a failed fetch. The wait ends as soon as
     * it comes; the bound matters only when none comes, and on two busy cores it came after more than a second.
     */
    private static final double EXPLANATION_GRACE_MILLIS = 5_000;

    /**
     * What the attacker's page reported: its result, and what it shows (or where it sent the browser), and the
     * origins of the messages posted to it meanwhile, as the runner saw them.
     */
    record PageReport(String result, String saw, List<String> messageOrigins) {
        static final PageReport NOTHING = new PageReport(null, null, List.of());

        PageReport {
            messageOrigins = List.copyOf(messageOrigins);
        }
    }

    /**
     * Where the attacker's page of a case is served.
     *
     * @param page      the page's address, as the story tells it
     * @param caseNonce the case's nonce, which the page's lab kit sends with its loot
     */
    record Address(String origin, String page, String caseNonce) {
        /** The address the browser opens: the page, told which case it runs for. */
        String url() {
            return page + "?case=" + caseNonce;
        }
    }

    private final LabServers servers;

    AttackerPageDriver(LabServers servers) {
        this.servers = servers;
    }

    Address addressOf(Scenario scenario, ScenarioCase scenarioCase, String caseNonce) {
        String host = scenario.attackerHostFor(scenarioCase);
        String origin = RebindingProxy.HOST_NAME.equals(host)
                ? servers.attacker().rebinding().origin()
                : servers.attacker().originAs(host);
        return new Address(origin, origin + "/scenarios/" + scenario.pagePath(), caseNonce);
    }

    /**
     * Opens the page, only until its document arrives: the page's script starts its attack while the rest loads,
     * and {@link #awaitFinish} watches for its result from then on.
     */
    void open(Page page, Address address) {
        PageReports.of(page).expect(address.origin());
        page.navigate(address.url(), new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
    }

    /**
     * Waits until the page reports a result or sends the browser elsewhere (a form post to the victim), with
     * Alice answering whatever it asks her, and {@code atPause} called at each step the page pauses at before it
     * is let go on. When the page saw its read fail, the browser's explanation may follow
     * a moment later: it is given that moment.
     */
    PageReport awaitFinish(Page page, Alice alice, Consumer<String> atPause) {
        PageReports reports = PageReports.of(page);
        long deadline = System.currentTimeMillis() + FINISH_TIMEOUT_MILLIS;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw nothingReported(null);
            }
            PageReports.Report report;
            try {
                report = reports.next(page, left);
            } catch (TimeoutError e) {
                throw nothingReported(e);
            }
            switch (report.kind()) {
                case NAVIGATED_AWAY -> {
                    page.waitForLoadState();
                    return new PageReport(
                            "navigated", "the page sent the browser to " + page.url(), reports.messageOrigins());
                }
                case RESULT -> {
                    if ("failed".equals(report.value())) {
                        BrowserWords.of(page).awaitBlockedRead(page, EXPLANATION_GRACE_MILLIS);
                    }
                    return new PageReport(report.value(), report.saw(), reports.messageOrigins());
                }
                case ASK -> alice.answer(page, report.value());
                case PAUSE -> {
                    atPause.accept(report.value());
                    PageReports.resume(page, report.value());
                }
            }
        }
    }

    /** The page as it looks now, whole, once it has finished loading, in {@code engine}'s way. */
    static byte[] screenshot(Page page, BrowserEngine engine) {
        page.waitForLoadState();
        // JPEG: a report holds one per case, and the browser encodes a JPEG in a fraction of a PNG's time.
        return engine.screenshot(page, SCREENSHOT_QUALITY);
    }

    private static IllegalStateException nothingReported(TimeoutError cause) {
        return new IllegalStateException(
                "the attacker's page reported nothing within " + FINISH_TIMEOUT_MILLIS + " ms", cause);
    }
}
