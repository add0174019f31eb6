package lab.runner.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.Optional;
import lab.runner.LabCatalogue;
import lab.runner.LabServers;
import lab.runner.LabSession;
import lab.runner.LabTestSession;
import lab.runner.browser.BrowserLocator;
import lab.runner.challenges.ChallengeDesk;
import lab.runner.challenges.ChallengeProgress;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.scenarios.challenges.ChallengeCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's Challenges panel in a real browser: a learner reads the brief, reveals a hint, writes a page,
 * delivers it to Alice and sees the verdict with its evidence, screenshot and the "Solved" banner; a wrong page
 * is answered with what was missing. Screenshots at 1280x720 and 1024x768 go to target/screenshots.
 */
class ChallengesPanelIT {

    private static final ScenarioCatalogue SCENARIOS = LabCatalogue.load();
    private static final ChallengeCatalogue CHALLENGES = LabCatalogue.challenges(SCENARIOS);
    private static final Path SHOTS = Path.of("target", "screenshots");

    private static LabSession session;
    private static ConsoleServer console;
    private static ChallengeDesk desk;

    @BeforeAll
    static void startLab() {
        session = LabTestSession.start(SCENARIOS);
        desk = new ChallengeDesk(
                session.servers(),
                SCENARIOS,
                CHALLENGES,
                ChallengeProgress.inMemory(),
                BrowserLocator.locate(Optional.empty()));
        console = new ConsoleServer(session.servers()).offering(desk).start(LabServers.LOOPBACK, 0);
    }

    @AfterAll
    static void stopLab() {
        if (console != null) {
            console.close();
        }
        if (desk != null) {
            desk.close();
        }
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aLearnerSolvesAChallengeFromThePanelAndAWrongPageSaysWhatWasMissing() {
        Page page = session.browser().newPage(ThirdPartyCookies.ALLOWED);
        try {
            page.setDefaultTimeout(30_000);
            page.setViewportSize(1280, 720);
            page.navigate(console.origin());
            page.waitForSelector(
                    "#ch-progress:has-text('0 of " + CHALLENGES.all().size() + " solved')");
            page.selectOption("#ch-select", "steal-with-reflect");
            assertThat(page.textContent("#ch-brief")).contains("cors=reflect");
            assertThat(page.locator("#ch-hints li").count()).isZero();

            page.click("#ch-hint");
            page.waitForSelector("#ch-hints li");
            assertThat(page.textContent("#ch-hints")).contains("/api/me");
            assertThat(page.textContent("#ch-hint")).isEqualTo("Show hint 2 of 3");

            // A page that draws nothing at all.
            page.fill("#ch-source", "<body><script>document.body.dataset.labResult = 'done'</script>");
            page.click("#ch-deliver");
            page.waitForSelector("#ch-verdict:not(.solved)");
            // Each thing missing is said once: the headline names the first, the list only the others.
            String missed = page.textContent("#ch-result");
            assertThat(missed)
                    .contains("Not solved: no request from Alice's browser")
                    .contains("Also missing: the loot Alice's browser posted during the delivery holds nothing");
            assertThat(missed.split("no request from Alice's browser", -1)).hasSize(2);
            // Alice's browser showed a blank page: a caption says so instead of an empty white box.
            page.waitForSelector("#ch-result .ch-blank:has-text('blank page')");
            assertThat(page.locator("#ch-result img").count()).isZero();
            page.locator("#ch-result").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("challenges-blank-page-1280x720.png")));
            assertThat(page.isVisible("#ch-banner")).isFalse();

            page.fill(
                    "#ch-source",
                    CHALLENGES.solutionSource("steal-with-reflect").orElseThrow());
            page.click("#ch-deliver");
            page.waitForSelector("#ch-verdict.solved");
            page.waitForSelector("#ch-banner:visible");
            assertThat(page.textContent("#ch-result"))
                    .contains("GET /api/me (Origin: http://evil.localhost:", "session cookie: yes")
                    .contains("alice@wonderland.example");
            page.waitForFunction("() => document.querySelector('#ch-result img')?.complete");
            assertThat(page.locator("#ch-result img").count()).isEqualTo(1);
            page.waitForSelector(
                    "#ch-progress:has-text('1 of " + CHALLENGES.all().size() + " solved')");

            page.locator("#challenges-panel").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("challenges-1280x720.png")));
            page.setViewportSize(1024, 768);
            page.locator("#challenges-panel").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("challenges-1024x768.png")));
        } finally {
            page.close();
        }
    }

    @Test
    void aSecondDeliveryWhileOneRunsIsAnsweredClearly() throws Exception {
        String slow = "<script>setTimeout(() => { document.body.dataset.labResult = 'done'; }, 3000);</script>";
        java.util.concurrent.CompletableFuture<lab.runner.cases.ChallengeVerdict> first =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> desk.deliverSource(
                        "csrf-email", slow.getBytes(java.nio.charset.StandardCharsets.UTF_8), "evil.localhost"));
        // Wait until Alice's browser has the slow page: the access log says so.
        while (session.servers().attacker().exploits().log().entries().stream()
                .noneMatch(e -> e.aliceBrowser() && e.path().equals("/exploits/csrf-email"))) {
            assertThat(first).isNotDone();
            Thread.sleep(50);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.deliverSource(
                        "steal-with-reflect",
                        "<p>x".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "evil.localhost"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one runs at a time");
        assertThat(first.get().solved()).isFalse();
    }
}
