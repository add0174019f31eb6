package lab.runner.cases;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.util.List;
import lab.runner.LabServers;
import lab.runner.browser.BrowserWords;
import lab.runner.browser.LabBrowser;
import lab.runner.cases.AliceLogins.Jar;
import lab.runner.cases.AttackerPageDriver.PageReport;
import lab.runner.cases.EvidenceGatherer.Gathered;
import lab.scenarios.BrowserPermission;
import lab.scenarios.CaseSwitch;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.victim.defence.Defences;

/**
 * Runs one case in the real browser, as its lesson tells it: the victim's defences are set, Alice logs in to
 * Flock, she opens the attacker's page and plays her part there, then the evidence is gathered and judged. Each
 * step is a collaborator of its own; this class only tells the story in order.
 */
public final class CaseRunner {

    /** The victim user of every story, and the password the seed gives her. */
    public static final String VICTIM_USER = Alice.USER;

    public static final String VICTIM_PASSWORD = Alice.PASSWORD;

    private static final double STEP_TIMEOUT_MILLIS = 10_000;

    private final LabServers servers;
    private final LabBrowser browser;
    private final LabReset lab;
    private final AliceLogins logins;
    private final AttackerPageDriver attackerPage;
    private final EvidenceGatherer evidence;
    private CaseObserver observer = CaseObserver.NONE;
    private CaseTracing tracing = CaseTracing.OFF;

    /** @param baseDefences the defences a case starts from before its own table values are applied */
    public CaseRunner(LabServers servers, LabBrowser browser, Defences baseDefences) {
        this.servers = servers;
        this.browser = browser;
        this.lab = new LabReset(servers, baseDefences);
        this.logins = new AliceLogins(servers);
        this.attackerPage = new AttackerPageDriver(servers);
        this.evidence = new EvidenceGatherer(servers, lab);
    }

    /** Follows every case from now on (guided mode, report). */
    public CaseRunner observedBy(CaseObserver observer) {
        this.observer = observer;
        return this;
    }

    /**
     * Keeps a Playwright trace of each case that does not end as its lesson expects: such a case is run once more,
     * traced, right after. Tracing every case instead cost a report run about a fifth of its time (./lab bench).
     */
    public CaseRunner keepingTracesOfMismatchesIn(Path directory) {
        this.tracing = new CaseTracing(directory);
        return this;
    }

    public CaseResult run(Scenario scenario, ScenarioCase scenarioCase) {
        // A case that rests on another engine's mechanism is reported as such, never run and never judged.
        String notApplicable = scenario.notApplicableIn(scenarioCase, browser.engineKey());
        if (notApplicable != null) {
            return CaseResult.notApplicable(scenario, scenarioCase, browser.engineKey(), browser.info(), notApplicable);
        }
        CaseResult result = runOnce(scenario, scenarioCase, observer, CaseTracing.OFF);
        if (!tracing.on() || scenarioCase.expected(browser.engineKey()) == null || result.matches()) {
            return result;
        }
        CaseObserver quietly = new CaseObserver() {
            @Override
            public boolean wantsFreshLogin() {
                return observer.wantsFreshLogin();
            }
        };
        return result.withTrace(
                runOnce(scenario, scenarioCase, quietly, tracing).trace());
    }

    private CaseResult runOnce(
            Scenario scenario, ScenarioCase scenarioCase, CaseObserver observer, CaseTracing tracing) {
        long started = System.nanoTime();
        Story story = new Story(observer, scenario, scenarioCase);
        // The trainer sets the victim's defences; everything else starts as seeded.
        lab.forCase(scenarioCase);
        EvidenceGatherer.Marks marks = evidence.mark(browser.requestTag());

        Jar jar = null;
        Switched switched = new Switched();
        BrowserWords words = null;
        PageReport report = PageReport.NOTHING;
        byte[] screenshot = null;
        String failure = null;
        boolean granted = false;
        try {
            jar = logins.jarFor(browser, scenarioCase.thirdPartyCookies(), observer.wantsFreshLogin());
            tracing.start(jar.context());
            Page page = browser.casePage(scenarioCase.thirdPartyCookies());
            page.setDefaultTimeout(STEP_TIMEOUT_MILLIS);
            words = BrowserWords.of(page);
            words.startCase();

            // Alice logs in to Flock (or still is, from an earlier case with the same cookie settings).
            if (!jar.loggedIn()) {
                story.tell("Alice logs in to Flock at " + servers.victim().origin() + "/login as " + Alice.USER + ".");
                logins.logIn(page, jar);
            }
            if (observer.followsSteps()) {
                story.tell(logins.describeSessionCookie(jar.context()));
            }

            // What the browser asks her on the page, she has allowed (a case's permissions).
            granted = browser.grantPermissions(scenarioCase.thirdPartyCookies(), scenarioCase.permissions());
            if (!scenarioCase.permissions().isEmpty()) {
                story.tell((granted ? "Alice has allowed the page: " : "The browser has no such permission to grant: ")
                        + scenarioCase.permissions().stream()
                                .map(BrowserPermission::key)
                                .toList()
                        + ".");
            }

            // She opens the attacker's page.
            AttackerPageDriver.Address address = attackerPage.addressOf(scenario, scenarioCase, marks.caseNonce());
            story.tell("Alice opens the attacker's page " + address.page() + ".");
            attackerPage.open(page, address);

            // She plays her part: whatever the page asks her, she answers, until the page is done. Where the case
            // says so, the lab changes Flock's defences when the page reaches a step (never the page itself).
            report = attackerPage.awaitFinish(page, new Alice(scenario.aliceAnswers()), step -> {
                CaseSwitch change = scenarioCase.then();
                if (change != null && change.after().equals(step) && switched.position < 0) {
                    lab.change(change);
                    switched.position = evidence.journalNow();
                    story.tell("The page reached '" + step + "'. Flock's defences change: " + change.changes()
                            + " (the lab does this, as a trainer would in the console).");
                }
            });
            if (observer.wantsScreenshot()) {
                screenshot = AttackerPageDriver.screenshot(page, browser.engine());
            }
            story.tell("The attacker's page shows: " + report.saw());
            if (scenarioCase.then() != null && switched.position < 0) {
                failure = "the page never reached the step '"
                        + scenarioCase.then().after() + "' after which the case changes the defences";
            }

            // Back on Flock, she writes a post, trusting she is still herself.
            if (failure == null && scenario.alicePostsNext() != null) {
                story.tell("Alice goes back to Flock and writes a post: \"" + scenario.alicePostsNext() + "\"");
                if (!Alice.postOnFlock(page, servers.victim().origin(), scenario.alicePostsNext())) {
                    story.tell("Flock showed her the login form, so she wrote nothing.");
                }
            }
        } catch (PlaywrightException | IllegalStateException e) {
            failure = "the browser step failed: " + firstLine(e.getMessage());
        } finally {
            if (granted) {
                revoke(scenarioCase);
            }
        }

        // Gather the evidence, and judge from it alone.
        Gathered gathered = evidence.gather(
                scenario, words, report, failure, marks, switched.position < 0 ? marks.journal() : switched.position);
        Verdict verdict = OutcomeJudge.judge(scenario.kind(), gathered.evidence(), Alice.USER);
        List<String> evidenceMissing = EvidenceCheck.missing(scenarioCase, gathered.evidence(), browser.engineKey());
        Path trace = tracing.stop(jar == null ? null : jar.context(), scenario, scenarioCase);
        return new CaseResult(
                scenario,
                scenarioCase,
                verdict,
                gathered.evidence(),
                gathered.journal(),
                screenshot,
                trace,
                (System.nanoTime() - started) / 1e6,
                evidenceMissing,
                browser.engineKey(),
                browser.info());
    }

    private void revoke(ScenarioCase scenarioCase) {
        try {
            browser.revokePermissions(scenarioCase.thirdPartyCookies());
        } catch (PlaywrightException e) {
            // A browser that died took its permissions with it; the next case launches a new one.
        }
    }

    /** A file name made from a case name: lower case letters, digits and dashes. */
    public static String slug(String text) {
        return CaseTracing.slug(text);
    }

    /** Where the journal stood when the lab changed the defences midway; -1 while it has not. */
    private static final class Switched {
        long position = -1;
    }

    /** Tells the observer (the step mode's narrator, say) each step of a case as it happens. */
    private record Story(CaseObserver observer, Scenario scenario, ScenarioCase scenarioCase) {
        void tell(String text) {
            observer.step(scenario, scenarioCase, text);
        }
    }

    private static String firstLine(String message) {
        return message == null
                ? "no details"
                : message.strip().lines().findFirst().orElse("");
    }
}
