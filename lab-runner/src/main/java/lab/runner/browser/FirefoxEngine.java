package lab.runner.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.journal.RequestTag;

/**
 * A stock Firefox (Debian's {@code firefox-esr}), driven by Playwright over WebDriver BiDi: the launch channel
 * {@code moz-firefox} tells Playwright the binary is not its own patched build (browser facts 14). Firefox reads
 * its cookie policy from preferences at launch, so each third-party cookie setting is a browser of its own
 * (launched once per worker, when a case first needs it); its contexts are reused from case to case as
 * Chromium's are.
 *
 * <p>Firefox reports a blocked read as a page error, not a console message: "Cross-Origin Request Blocked: The Same
 * Origin Policy disallows reading the remote resource at URL. (Reason: REASON). Status code: 200." (facts 17).
 */
final class FirefoxEngine implements BrowserEngine {

    /** Where Debian and most distributions put Firefox, ESR first (the one the lessons were measured with). */
    static final List<Path> SYSTEM_FIREFOXES = List.of(Path.of("/usr/bin/firefox-esr"), Path.of("/usr/bin/firefox"));

    static final String INSTALL_HINT = "Install Firefox ESR (Debian: apt-get install firefox-esr), or name a"
            + " Firefox binary with --browser PATH.";

    static final String COOKIE_BEHAVIOR = "network.cookie.cookieBehavior";
    static final String LAX_BY_DEFAULT = "network.cookie.sameSite.laxByDefault";

    private static final String BLOCKED_READ = "Cross-Origin Request Blocked";
    private static final Pattern REASON = Pattern.compile("\\(Reason: (.*?)\\)(?:\\.|\\s|$)");

    private final Path executable;
    private final BrowserOptions options;
    /**
     * What this Firefox calls itself, read at its first launch: the same binary says the same whatever its cookie
     * preferences, so the launches of the other settings need no throw-away page of their own.
     */
    private String userAgent;

    private FirefoxEngine(Path executable, BrowserOptions options) {
        this.executable = executable;
        this.options = options;
    }

    /** The engine for the Firefox at {@code executable}, or the system's Firefox when empty. */
    static BrowserEngine create(Optional<Path> executable, BrowserOptions options) {
        return new FirefoxEngine(locate(executable), options);
    }

    /**
     * The Firefox to drive: the one the user named, else the system's.
     *
     * @throws BrowserUnavailableException when there is none, naming the package to install
     */
    static Path locate(Optional<Path> requested) {
        if (requested.isPresent()) {
            Path path = requested.get();
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new BrowserUnavailableException(
                        "--browser " + path + " is not an executable file. " + INSTALL_HINT);
            }
            return path;
        }
        return SYSTEM_FIREFOXES.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new BrowserUnavailableException("Firefox was not found (looked for "
                        + SYSTEM_FIREFOXES.get(0) + " and " + SYSTEM_FIREFOXES.get(1) + "). " + INSTALL_HINT));
    }

    /** Whether a system Firefox is installed: {@code --engine all} runs it only then. */
    static boolean installed() {
        return SYSTEM_FIREFOXES.stream().anyMatch(Files::isExecutable);
    }

    /**
     * The preferences a profile of {@code setting} launches with. Both are always set: Playwright's profile is not
     * a user's, and the lessons must not depend on what Playwright or a future Firefox chooses as a default.
     */
    static Map<String, Object> prefs(ThirdPartyCookies setting) {
        Map<String, Object> prefs = new LinkedHashMap<>();
        prefs.put(
                COOKIE_BEHAVIOR,
                switch (setting) {
                    case ALLOWED -> 0; // accept all cookies, third-party ones included
                    case BLOCKED -> 1; // reject third-party cookies
                    case BROWSER_DEFAULT ->
                        5; // Total Cookie Protection: one jar per top-level site (Firefox's default)
                });
        // Firefox treats a cookie without SameSite as None (facts 19); this is its shipped default, stated.
        prefs.put(LAX_BY_DEFAULT, false);
        return prefs;
    }

    @Override
    public LaunchedProfile launch(Playwright playwright, ThirdPartyCookies setting, String requestTag) {
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions()
                // A channel starting with "moz-" makes Playwright speak WebDriver BiDi to a stock Firefox.
                .setChannel("moz-firefox")
                .setExecutablePath(executable)
                .setHeadless(!options.headed())
                .setSlowMo(options.slowMoMillis())
                // Ctrl-C is left to the runner, which closes the browser before the driver (LabBrowser).
                .setHandleSIGINT(false)
                .setFirefoxUserPrefs(prefs(setting));
        try {
            Browser browser = playwright.firefox().launch(launch);
            if (userAgent == null) {
                userAgent = ownUserAgent(browser);
            }
            return LaunchedProfile.inMemory(browser, RequestTag.append(userAgent, requestTag));
        } catch (PlaywrightException e) {
            throw new BrowserUnavailableException(
                    "Firefox did not start from " + executable + " under Playwright " + PlaywrightVersion.get() + ": "
                            + LabBrowser.firstLine(e.getMessage()) + ". Check that it runs (" + executable
                            + " --headless --version); Playwright drives a stock Firefox over WebDriver BiDi, which"
                            + " needs a Firefox as new as Playwright expects. " + INSTALL_HINT,
                    e);
        }
    }

    /** The User-Agent this Firefox sends of itself, read from a throw-away page. */
    private static String ownUserAgent(Browser browser) {
        Page page = browser.newPage();
        try {
            return (String) page.evaluate("navigator.userAgent");
        } finally {
            page.context().close();
        }
    }

    /**
     * Firefox over WebDriver BiDi closes the page when a request is continued to another URL, so Playwright fetches
     * the loopback URL itself and answers the browser with what it got (Firefox has no Local Network Access check
     * that such an answer would fail).
     */
    @Override
    public void routeToLoopback(Page page, String pattern, UnaryOperator<String> toLoopback) {
        page.route(
                pattern,
                route -> route.fulfill(new Route.FulfillOptions()
                        .setResponse(route.fetch(new Route.FetchOptions()
                                .setUrl(toLoopback.apply(route.request().url()))))));
    }

    @Override
    public BrowserInfo describe(LaunchedProfile launched) {
        return new BrowserInfo("Firefox", launched.browser().version(), executable.toString());
    }

    @Override
    public boolean explainsBlockedRead(String message) {
        return message.contains(BLOCKED_READ);
    }

    /** Firefox's words put the reason in brackets after the URL: {@code (Reason: CORS header ... missing)}. */
    @Override
    public String blockedReadReason(String message) {
        Matcher reason = REASON.matcher(message);
        return reason.find() ? reason.group(1) : message;
    }

    /** Playwright hands Firefox's page error over repeated, ending in {@code undefined}: its first line is it. */
    @Override
    public String pageErrorText(String error) {
        return LabBrowser.firstLine(error);
    }

    @Override
    public String installHint() {
        return INSTALL_HINT;
    }
}
