package lab.runner.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import lab.runner.LabServers;
import lab.runner.LabSession;
import lab.runner.LabTestSession;
import lab.runner.browser.BrowserLocator;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lab console in the real browser: live switches from its own page, and no control from the attacker's. */
class ConsoleBrowserIT {

    private static LabSession session;
    private static ConsoleServer console;
    private final List<Page> pages = new ArrayList<>();
    private BrowserContext context;

    @BeforeAll
    static void startLab() {
        session = LabTestSession.start(ScenarioCatalogue.load());
        console = new ConsoleServer(session.servers()).start(LabServers.LOOPBACK, 0);
    }

    @AfterAll
    static void stopLab() {
        if (console != null) {
            console.close();
        }
        if (session != null) {
            session.close();
        }
    }

    @BeforeEach
    void freshBrowserState() {
        session.servers().victim().defences().set(Defences.WIDE_OPEN);
        context = session.browser().context(ThirdPartyCookies.ALLOWED);
        context.clearCookies();
    }

    @AfterEach
    void closePages() {
        pages.forEach(Page::close);
    }

    private Page newPage() {
        Page page = session.browser().newPage(ThirdPartyCookies.ALLOWED);
        page.setDefaultTimeout(10_000);
        pages.add(page);
        return page;
    }

    private void aliceLogsIn(Page page) {
        page.navigate(session.servers().victim().origin() + "/login");
        page.fill("#username", "alice");
        page.fill("#password", "wonderland");
        page.click("button[type=submit]");
        page.waitForSelector("#private-profile");
    }

    /** Opens the cookie-theft page afresh and returns what its script reported: read, anonymous or failed. */
    private String theftResult(Page page) {
        page.navigate(session.servers().attacker().origin() + "/");
        page.waitForSelector("body[data-lab-result]");
        return page.getAttribute("body", "data-lab-result");
    }

    @Test
    void flipping_a_switch_in_the_console_changes_the_next_requests_outcome_and_the_journal_shows_it() {
        Page consolePage = newPage();
        consolePage.navigate(console.origin());
        consolePage.waitForSelector("body[data-ready]");
        Page victimTab = newPage();
        aliceLogsIn(victimTab);

        assertThat(theftResult(victimTab)).isEqualTo("read");
        consolePage.waitForSelector(
                "#journal tbody tr:first-child:has-text('/api/me'):has-text('Access-Control-Allow-Origin')");

        consolePage.selectOption("#defence-cors", "allowlist");
        consolePage.waitForSelector("#status:has-text('Applied cors=allowlist')");
        assertThat(session.servers().victim().defences().current().cors().key()).isEqualTo("allowlist");

        assertThat(theftResult(victimTab)).isEqualTo("failed");
        // The newest request sits above the marker row of the change.
        consolePage.waitForSelector("#journal tbody tr.marker:has-text('cors: reflect → allowlist')");
        consolePage.waitForSelector("#journal tbody tr.entry:first-child:has-text('/api/me'):has-text('yes (alice)')");
        String newest = consolePage.textContent("#journal tbody tr:first-child");
        assertThat(newest).contains("/api/me", "yes (alice)", "(none)");
    }

    @Test
    void a_scenario_runs_from_the_console_at_the_press_of_a_button_under_the_current_defences() {
        ConsoleServer withBrowser = new ConsoleServer(
                        session.servers(), ScenarioCatalogue.load(), BrowserLocator.locate(Optional.empty()))
                .start(LabServers.LOOPBACK, 0);
        try {
            Page consolePage = newPage();
            consolePage.navigate(withBrowser.origin());
            consolePage.waitForSelector("body[data-ready]");
            consolePage.selectOption("#scenario", "cookie-theft");

            consolePage.click("#run");
            consolePage.waitForSelector("#run-outcome", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(consolePage.textContent("#run-outcome")).isEqualTo("STOLEN");
            // In the words every report uses: the victim answered Alice's session and let the attacker's origin read.
            assertThat(consolePage.textContent("#run-victim-received"))
                    .contains("The victim received GET /api/me from ", "session cookie: yes (alice)", "status 200")
                    .contains("Access-Control-Allow-Credentials: true");
            assertThat(consolePage.locator("#run-result img").count()).isEqualTo(1);

            consolePage.selectOption("#defence-cors", "allowlist");
            consolePage.waitForSelector("#status:has-text('Applied cors=allowlist')");
            consolePage.click("#run");
            consolePage.waitForSelector(
                    "#run-outcome:has-text('READ_BLOCKED')", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(consolePage.textContent("#run-result")).contains("blocked by CORS policy");
        } finally {
            withBrowser.close();
        }
    }

    @Test
    void a_page_on_the_attackers_site_cannot_change_the_defences_or_reset_the_lab() {
        session.servers().victim().defences().set(Defences.HARDENED);
        session.servers().attacker().loot().store("cookie-theft", "alice", "{\"marker\":true}");
        long journalBefore = session.servers().victim().journal().lastSeq();
        session.servers()
                .victim()
                .journal()
                .record(lab.victim.journal.JournalEntry.observed("GET", "/marker", null, false, null, 200));

        Page evil = newPage();
        List<String> consoleMessages = Collections.synchronizedList(new ArrayList<>());
        evil.onConsoleMessage(m -> consoleMessages.add(m.text()));
        // The attacker's page is served from loopback under the attacker's name, like every page of the lab
        // (a page that Chromium sees as public could not reach loopback at all: Local Network Access).
        Javalin attackerHost = Javalin.create(config ->
                        config.routes.get("/console-attack.html", ctx -> ctx.html(attackPage(console.origin()))))
                .start(LabServers.LOOPBACK, 0);
        try {
            evil.navigate("http://evil.localhost:" + attackerHost.port() + "/console-attack.html");
            evil.waitForSelector("body[data-done]", new Page.WaitForSelectorOptions().setTimeout(15_000));
        } finally {
            attackerHost.stop();
        }
        String results = evil.getAttribute("body", "data-done");

        assertThat(results).contains("\"put\":\"blocked").contains("\"read\":\"blocked");
        assertThat(consoleMessages).anySatisfy(m -> assertThat(m).contains("blocked by CORS policy"));
        assertThat(session.servers().victim().defences().current()).isEqualTo(Defences.HARDENED);
        assertThat(session.servers().attacker().loot().since(0))
                .anySatisfy(l -> assertThat(l.payload()).contains("marker"));
        assertThat(session.servers().victim().journal().since(journalBefore))
                .anySatisfy(e -> assertThat(e.path()).isEqualTo("/marker"));
    }

    /** Every way a cross-site page could try to write to the console: JSON with a preflight, and simple requests. */
    private static String attackPage(String consoleOrigin) {
        return """
                <!DOCTYPE html><html><body>
                <iframe name="sink" style="display:none"></iframe>
                <form id="form" method="post" enctype="text/plain" target="sink" action="%1$s/api/reset">
                  <input name='{"a":"' value='"}'>
                </form>
                <script>
                  const C = '%1$s';
                  const results = {};
                  (async () => {
                    try {
                      await fetch(C + '/api/defences', { method: 'PUT', headers: { 'Content-Type': 'application/json' },
                        body: JSON.stringify({ preset: 'wide-open' }) });
                      results.put = 'sent';
                    } catch (e) { results.put = 'blocked: ' + e; }
                    try {
                      await fetch(C + '/api/defences', { method: 'POST', mode: 'no-cors',
                        headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ preset: 'wide-open' }) });
                      results.simplePost = 'sent (opaque)';
                    } catch (e) { results.simplePost = 'blocked: ' + e; }
                    try {
                      await fetch(C + '/api/reset', { method: 'POST', mode: 'no-cors',
                        headers: { 'Content-Type': 'text/plain' }, body: '{}' });
                      results.reset = 'sent (opaque)';
                    } catch (e) { results.reset = 'blocked: ' + e; }
                    try {
                      const r = await fetch(C + '/api/defences');
                      results.read = 'read: ' + (await r.text()).slice(0, 40);
                    } catch (e) { results.read = 'blocked: ' + e; }
                    document.getElementById('form').submit();
                    await new Promise(resolve => setTimeout(resolve, 500));
                    document.body.dataset.done = JSON.stringify(results);
                  })();
                </script>
                </body></html>
                """.formatted(consoleOrigin);
    }
}
