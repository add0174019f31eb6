package lab.runner.cases;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import lab.attacker.loot.Loot;
import lab.runner.LabServers;
import lab.runner.browser.LabBrowser;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * Runs one case in the real browser: sets the victim's defences, logs Alice in through the login form, opens
 * the attacker's page, and gathers the evidence: the page's report and console, the victim's journal and
 * the attacker's loot.
 */
public final class CaseRunner {

    /** The victim user of every story, and the password the seed gives her. */
    public static final String VICTIM_USER = "alice";
    private static final String VICTIM_PASSWORD = "wonderland";

    private static final double STEP_TIMEOUT_MILLIS = 10_000;
    /** How long to wait for the browser's console explanation after the script saw a failed fetch. */
    private static final double CONSOLE_GRACE_MILLIS = 1_000;

    private final LabServers servers;
    private final LabBrowser browser;
    private final Defences baseDefences;

    /** @param baseDefences the defences a case starts from before its own table values are applied */
    public CaseRunner(LabServers servers, LabBrowser browser, Defences baseDefences) {
        this.servers = servers;
        this.browser = browser;
        this.baseDefences = baseDefences;
    }

    public CaseResult run(Scenario scenario, ScenarioCase scenarioCase) {
        servers.victim().defences().set(baseDefences.with(scenarioCase.defences()));
        long journalMark = servers.victim().journal().lastSeq();
        long lootMark = servers.attacker().loot().lastId();

        List<String> console = Collections.synchronizedList(new ArrayList<>());
        String pageResult = null;
        String pageSaw = null;
        String failure = null;
        Page page = null;
        try {
            BrowserContext context = browser.context(scenarioCase.thirdPartyCookies());
            context.clearCookies();
            page = context.newPage();
            page.setDefaultTimeout(STEP_TIMEOUT_MILLIS);
            page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
            page.onPageError(error -> console.add("pageerror: " + error));

            logIn(page);
            page.navigate(servers.attacker().origin() + "/scenarios/" + scenario.id() + "/" + scenario.attackPage());
            page.waitForSelector("body[data-lab-result]");
            pageResult = page.getAttribute("body", "data-lab-result");
            pageSaw = page.textContent("#lab-evidence");
            if ("failed".equals(pageResult)) {
                awaitCorsExplanation(page, console);
            }
        } catch (PlaywrightException | IllegalStateException e) {
            failure = "the browser step failed: " + e.getMessage().strip().lines().findFirst().orElse("");
        } finally {
            if (page != null) {
                try {
                    page.close();
                } catch (PlaywrightException e) {
                    // The page died with its browser; the failure above already says so.
                }
            }
        }

        Evidence evidence = new Evidence(List.copyOf(console), pageResult, pageSaw, attackerRequest(journalMark),
                stolenUsers(lootMark), failure);
        return new CaseResult(scenario, scenarioCase, OutcomeJudge.judge(evidence, VICTIM_USER), evidence);
    }

    /** Alice logs in through the victim's own form, as a person would: the cookie is set by a real response. */
    private void logIn(Page page) {
        page.navigate(servers.victim().origin() + "/login");
        page.fill("#username", VICTIM_USER);
        page.fill("#password", VICTIM_PASSWORD);
        page.click("button[type=submit]");
        page.waitForSelector("#private-profile");
    }

    /** Chromium reports the CORS reason to the console, not to the script; it may arrive just after the fetch fails. */
    private static void awaitCorsExplanation(Page page, List<String> console) {
        try {
            page.waitForCondition(() -> {
                synchronized (console) {
                    return console.stream().anyMatch(m -> m.contains("CORS policy"));
                }
            }, new Page.WaitForConditionOptions().setTimeout(CONSOLE_GRACE_MILLIS));
        } catch (PlaywrightException e) {
            // No explanation came: the verdict quotes what the page saw instead.
        }
    }

    /** The victim's journal entry for the request the attacker's page made, if one reached the victim. */
    private VictimReceived attackerRequest(long journalMark) {
        String attackerOrigin = servers.attacker().origin();
        return servers.victim().journal().since(journalMark).stream()
                .filter(e -> e.path().startsWith("/api/") && attackerOrigin.equals(e.origin()))
                .reduce((first, second) -> second)
                .map(CaseRunner::received)
                .orElse(null);
    }

    private static VictimReceived received(JournalEntry entry) {
        return new VictimReceived(entry.method(), entry.path(), entry.sessionCookie(), entry.origin(), entry.status(),
                entry.corsHeaders());
    }

    private List<String> stolenUsers(long lootMark) {
        return servers.attacker().loot().since(lootMark).stream()
                .map(Loot::victimUser)
                .filter(Objects::nonNull)
                .toList();
    }
}
