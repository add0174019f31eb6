package lab.runner.cases;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.Tracing;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitUntilState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lab.attacker.loot.Loot;
import lab.attacker.rebind.RebindingProxy;
import lab.runner.LabServers;
import lab.runner.browser.LabBrowser;
import lab.runner.browser.PageReports;
import lab.scenarios.AttackKind;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.victim.auth.SessionStore;
import lab.victim.data.Post;
import lab.victim.data.Profile;
import lab.victim.defence.Defences;
import lab.victim.defence.SameSiteMode;
import lab.victim.journal.JournalEntry;

/**
 * Runs one case in the real browser: sets the victim's defences, logs Alice in through the login form, opens
 * the attacker's page under the case's host name, plays Alice where the page asks her something, and
 * gathers the evidence: the page's report and console, the victim's journal, the attacker's loot and the
 * victim's data.
 */
public final class CaseRunner {

    /** The victim user of every story, and the password the seed gives her. */
    public static final String VICTIM_USER = "alice";

    public static final String VICTIM_PASSWORD = "wonderland";

    private static final long FINISH_TIMEOUT_MILLIS = 10_000;
    private static final double STEP_TIMEOUT_MILLIS = 10_000;
    /** How long to wait for the browser's console explanation after the script saw a failed fetch. */
    private static final double CONSOLE_GRACE_MILLIS = 1_000;

    private final LabServers servers;
    private final LabBrowser browser;
    private final Defences baseDefences;
    private final Profile seededVictim;
    private CaseObserver observer = CaseObserver.NONE;
    /** Real logins to reuse, by browser profile and SameSite setting (the attribute is fixed at login). */
    private final Map<String, List<Cookie>> logins = new HashMap<>();

    private Path traceDirectory;
    /**
     * The pages cases ran in, each listened to for its whole life: one per third-party cookie setting, unless the
     * browser had to be relaunched.
     */
    private final Map<Page, Watched> watchedPages = new IdentityHashMap<>();

    /** @param baseDefences the defences a case starts from before its own table values are applied */
    public CaseRunner(LabServers servers, LabBrowser browser, Defences baseDefences) {
        this.servers = servers;
        this.browser = browser;
        this.baseDefences = baseDefences;
        this.seededVictim = servers.victim().database().profile(VICTIM_USER).orElseThrow();
    }

    /** Follows every case from now on (guided mode, report). */
    public CaseRunner observedBy(CaseObserver observer) {
        this.observer = observer;
        return this;
    }

    /** Records a Playwright trace of every case and keeps those of cases whose outcome was not the expected one. */
    public CaseRunner keepingTracesOfMismatchesIn(Path directory) {
        this.traceDirectory = directory;
        return this;
    }

    public CaseResult run(Scenario scenario, ScenarioCase scenarioCase) {
        long started = System.nanoTime();
        prepare(scenarioCase);
        long journalMark = servers.victim().journal().lastSeq();
        long lootMark = servers.attacker().loot().lastId();

        String pageResult = null;
        String pageSaw = null;
        String failure = null;
        byte[] screenshot = null;
        BrowserContext context = null;
        ConsoleRecorder console = null;
        try {
            SameSiteMode sameSite = servers.victim().defences().current().samesite();
            // The session cookie is first-party wherever it is set, so one login serves both third-party
            // cookie settings; only its SameSite attribute, fixed at login, tells logins apart.
            String loginKey = sameSite.name();
            // A cookie set without SameSite cannot be put back as it was: the browser would store it with an
            // explicit SameSite=Lax and lose the Lax+POST exception that fresh unset cookies get. So log in.
            boolean reusable = !observer.wantsFreshLogin() && sameSite != SameSiteMode.UNSET;
            List<Cookie> login = reusable ? stillLoggedIn(loginKey) : null;
            context = browser.context(scenarioCase.thirdPartyCookies());
            try {
                startCookies(context, login);
            } catch (PlaywrightException e) {
                // The browser died since the last case (a crash, a kill): this case has not begun, so start
                // it on a new one. A crash during a case fails that case only, below.
                context = browser.relaunch(scenarioCase.thirdPartyCookies());
                startCookies(context, login);
            }
            if (traceDirectory != null) {
                context.tracing()
                        .start(new Tracing.StartOptions().setScreenshots(true).setSnapshots(true));
            }
            Page page = browser.casePage(scenarioCase.thirdPartyCookies());
            page.setDefaultTimeout(STEP_TIMEOUT_MILLIS);
            Watched watched = watchedPages.computeIfAbsent(page, Watched::of);
            console = watched.console();
            console.startCase();
            if (login == null) {
                observer.step(
                        scenario,
                        scenarioCase,
                        CaseObserver.Step.LOGGING_IN,
                        "Alice logs in to Flock at " + servers.victim().origin() + "/login as " + VICTIM_USER + ".");
                logIn(page);
                logins.put(loginKey, context.cookies(servers.victim().origin()));
            }
            if (observer.followsSteps()) {
                observer.step(scenario, scenarioCase, CaseObserver.Step.LOGGED_IN, describeSessionCookie(context));
            }
            String pageOrigin = attackerOrigin(scenario.attackerHostFor(scenarioCase));
            String pageUrl = pageOrigin + "/scenarios/" + scenario.pagePath();
            observer.step(
                    scenario,
                    scenarioCase,
                    CaseObserver.Step.OPENING_ATTACK,
                    "Alice opens the attacker's page " + pageUrl + ".");
            // Only until the document arrives: the page's script starts its attack while the rest loads, and the
            // wait below watches for its result from then on.
            watched.reports().expect(pageOrigin);
            page.navigate(pageUrl, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
            PageReport report = awaitFinish(page, watched.reports(), scenario.aliceAnswers());
            pageResult = report.result();
            pageSaw = report.saw();
            if ("failed".equals(pageResult)) {
                awaitCorsExplanation(page, console);
            }
            if (observer.wantsScreenshot()) {
                page.waitForLoadState();
                screenshot = page.screenshot(new Page.ScreenshotOptions().setFullPage(true));
            }
            observer.step(scenario, scenarioCase, CaseObserver.Step.PAGE_DONE, "The attacker's page shows: " + pageSaw);
        } catch (PlaywrightException | IllegalStateException e) {
            failure = "the browser step failed: " + firstLine(e.getMessage());
        }

        List<String> messages = console == null ? List.of() : console.messages();
        Evidence evidence = gather(scenario, messages, pageResult, pageSaw, failure, journalMark, lootMark);
        Verdict verdict = OutcomeJudge.judge(scenario.kind(), evidence, VICTIM_USER);
        Path trace = stopTracing(context, scenario, scenarioCase, verdict);
        return new CaseResult(
                scenario,
                scenarioCase,
                verdict,
                evidence,
                servers.victim().journal().since(journalMark),
                screenshot,
                trace,
                (System.nanoTime() - started) / 1e6);
    }

    /**
     * Leaves exactly {@code login}'s cookies in the profile (none when null): the case starts from them and from
     * nothing any earlier case left. Most cases find the jar as the last one left it, which one look tells; only
     * otherwise is it emptied and filled again.
     */
    private static void startCookies(BrowserContext context, List<Cookie> login) {
        if (login != null && sameCookies(context.cookies(), login)) {
            return;
        }
        context.clearCookies();
        if (login != null) {
            context.addCookies(login);
        }
    }

    private static boolean sameCookies(List<Cookie> jar, List<Cookie> expected) {
        return cookieKeys(jar).equals(cookieKeys(expected));
    }

    /** What tells cookies apart for a case: all of a cookie's attributes. */
    private static Set<List<Object>> cookieKeys(List<Cookie> cookies) {
        return cookies.stream()
                .map(c -> List.<Object>of(
                        c.name,
                        c.value,
                        String.valueOf(c.domain),
                        String.valueOf(c.path),
                        String.valueOf(c.expires),
                        String.valueOf(c.httpOnly),
                        String.valueOf(c.secure),
                        String.valueOf(c.sameSite)))
                .collect(Collectors.toSet());
    }

    /** The cookies of an earlier real login with the same settings, if its session is still live on the victim. */
    private List<Cookie> stillLoggedIn(String key) {
        List<Cookie> cookies = logins.get(key);
        if (cookies == null) {
            return null;
        }
        boolean live = cookies.stream()
                .anyMatch(c -> c.name.equals(SessionStore.COOKIE_NAME)
                        && servers.victim().sessions().find(c.value).isPresent());
        return live ? cookies : null;
    }

    /** What the victim's login left in the browser: the session cookie and its attributes, as the browser keeps them. */
    private String describeSessionCookie(BrowserContext context) {
        return context.cookies(servers.victim().origin()).stream()
                .filter(c -> c.name.equals("session"))
                .findFirst()
                .map(c -> "Flock set Alice's session cookie: HttpOnly=" + c.httpOnly + ", Secure=" + c.secure
                        + ", SameSite=" + c.sameSite + " (as the browser stored it).")
                .orElse("Flock's login left no session cookie in the browser.");
    }

    /** Keeps the trace of a case that did not end as expected; a matching case's trace is dropped. */
    private Path stopTracing(BrowserContext context, Scenario scenario, ScenarioCase scenarioCase, Verdict verdict) {
        if (traceDirectory == null || context == null) {
            return null;
        }
        try {
            if (scenarioCase.expected() == null || scenarioCase.expected() == verdict.outcome()) {
                context.tracing().stop();
                return null;
            }
            Files.createDirectories(traceDirectory);
            Path trace = traceDirectory.resolve(slug(scenario.caseName(scenarioCase)) + ".zip");
            context.tracing().stop(new Tracing.StopOptions().setPath(trace));
            return trace;
        } catch (PlaywrightException | IOException e) {
            return null;
        }
    }

    /** A file name made from a case name: lower case letters, digits and dashes. */
    public static String slug(String text) {
        String slug = text.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return slug.length() <= 120 ? slug : slug.substring(0, 120);
    }

    /** A case page's console and reports, listened to from the page's first case on. */
    private record Watched(ConsoleRecorder console, PageReports reports) {
        static Watched of(Page page) {
            return new Watched(ConsoleRecorder.listenTo(page), PageReports.of(page));
        }
    }

    /** Each case starts from the same victim: its defences, Alice's data as seeded, the attacker's DNS reset. */
    private void prepare(ScenarioCase scenarioCase) {
        servers.victim().defences().set(baseDefences.with(scenarioCase.defences()));
        if (!servers.victim()
                .database()
                .profile(VICTIM_USER)
                .orElseThrow()
                .email()
                .equals(seededVictim.email())) {
            servers.victim().database().updateEmail(VICTIM_USER, seededVictim.email());
        }
        servers.attacker().rebinding().pointAtAttacker();
    }

    private String attackerOrigin(String host) {
        return RebindingProxy.HOST_NAME.equals(host)
                ? servers.attacker().rebinding().origin()
                : servers.attacker().originAs(host);
    }

    /** Alice logs in through the victim's own form, as a person would: the cookie is set by a real response. */
    private void logIn(Page page) {
        page.navigate(servers.victim().origin() + "/login");
        page.fill("#username", VICTIM_USER);
        page.fill("#password", VICTIM_PASSWORD);
        page.click("button[type=submit]");
        page.waitForSelector("#private-profile");
    }

    /** What the attacker's page reported: its result, and what it shows (or where it sent the browser). */
    private record PageReport(String result, String saw) {}

    /**
     * Waits until the attacker's page reports a result or sends the browser elsewhere (a form post to the
     * victim), answering as Alice would when the page asks her something (a phishing form).
     */
    private static PageReport awaitFinish(Page page, PageReports reports, Map<String, String> answers) {
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
                    return new PageReport("navigated", "the page sent the browser to " + page.url());
                }
                case RESULT -> {
                    return new PageReport(report.value(), report.saw());
                }
                case ASK -> {
                    // Alice falls for it: she types what the scenario's data says she would (her password).
                    String answer = answers.get(report.value());
                    if (answer == null) {
                        throw new IllegalStateException("the page asked Alice for '" + report.value()
                                + "', which the scenario's aliceAnswers do not give");
                    }
                    page.fill("#lab-" + report.value(), answer);
                    page.click("#lab-submit");
                }
            }
        }
    }

    private static IllegalStateException nothingReported(TimeoutError cause) {
        return new IllegalStateException(
                "the attacker's page reported nothing within " + FINISH_TIMEOUT_MILLIS + " ms", cause);
    }

    /** Chromium reports the CORS reason to the console, not to the script; it may arrive just after the fetch fails. */
    private static void awaitCorsExplanation(Page page, ConsoleRecorder console) {
        try {
            page.waitForCondition(
                    () -> console.any(m -> m.contains("CORS policy")),
                    new Page.WaitForConditionOptions().setTimeout(CONSOLE_GRACE_MILLIS));
        } catch (PlaywrightException e) {
            // No explanation came: the verdict quotes what the page saw instead.
        }
    }

    private Evidence gather(
            Scenario scenario,
            List<String> console,
            String pageResult,
            String pageSaw,
            String failure,
            long journalMark,
            long lootMark) {
        List<JournalEntry> target = servers.victim().journal().since(journalMark).stream()
                .filter(e -> e.path().equals(scenario.target().path()))
                .toList();
        VictimReceived received = last(target, scenario.target().method());
        VictimReceived preflight = last(target, "OPTIONS");

        List<Loot> loot = servers.attacker().loot().since(lootMark);
        boolean lootHasPrivate = loot.stream()
                .anyMatch(l -> l.payload().contains(seededVictim.email())
                        || l.payload().contains(seededVictim.phone()));
        // The feed is read only when there is loot to compare it with.
        boolean lootHasPublic = !loot.isEmpty()
                && servers.victim().database().feed().stream()
                        .map(Post::body)
                        .anyMatch(
                                post -> loot.stream().anyMatch(l -> l.payload().contains(post)));
        boolean actionPerformed = scenario.kind() == AttackKind.ACTION
                && !servers.victim()
                        .database()
                        .profile(VICTIM_USER)
                        .orElseThrow()
                        .email()
                        .equals(seededVictim.email());

        return new Evidence(
                console,
                pageResult,
                pageSaw,
                received,
                preflight,
                lootHasPrivate,
                lootHasPublic,
                actionPerformed,
                failure);
    }

    private static VictimReceived last(List<JournalEntry> entries, String method) {
        VictimReceived found = null;
        for (JournalEntry entry : entries) {
            if (entry.method().equals(method)) {
                found = VictimReceived.of(entry);
            }
        }
        return found;
    }

    private static String firstLine(String message) {
        return message == null
                ? "no details"
                : message.strip().lines().findFirst().orElse("");
    }
}
