package lab.runner.browser;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import lab.scenarios.BrowserPermission;
import lab.scenarios.ThirdPartyCookies;

/**
 * Chromium, in one of its two launch strategies, each a class of its own since the third-party cookie setting
 * reaches the page differently in each:
 *
 * <ul>
 *   <li>{@link ChromiumHeadlessShell}: the headless shell (the default where installed, and Playwright's own
 *   headless browser) keeps one profile in memory and gives each page that blocks third-party cookies DevTools'
 *   cookie control.</li>
 *   <li>{@link ChromiumFullBrowser}: the full browser (headed runs, or where only it is installed) gets one
 *   persistent profile per setting, whose Preferences file, written before launch, carries the setting.</li>
 * </ul>
 *
 * Chromium reports a blocked read in the page's console: "Access to fetch at ... has been blocked by CORS
 * policy: REASON".
 */
abstract sealed class ChromiumEngine implements BrowserEngine permits ChromiumHeadlessShell, ChromiumFullBrowser {

    /** Where Chromium puts the reason of a blocked read, after both URLs. */
    private static final String CORS_POLICY = "CORS policy: ";

    /**
     * Chromium's background services try to reach the internet, which a lab machine may not have. The resolver
     * rule gives the doctor a plain-HTTP name that is not potentially trustworthy (unlike {@code *.localhost})
     * yet stays on this machine's loopback: nothing is ever resolved by the system for it.
     */
    static final List<String> ARGS = List.of(
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--host-resolver-rules=MAP " + BrowserEngine.PLAIN_HTTP_LOOPBACK_NAME + " 127.0.0.1");

    final Optional<Path> executable;
    final BrowserOptions options;

    ChromiumEngine(Optional<Path> executable, BrowserOptions options) {
        this.executable = executable;
        this.options = options;
    }

    /** The strategy that suits {@code executable}: Playwright runs its own headless shell for a headless run. */
    static BrowserEngine create(Optional<Path> executable, BrowserOptions options) {
        boolean shell = executable.map(BrowserLocator::isHeadlessShell).orElse(!options.headed());
        return shell ? new ChromiumHeadlessShell(executable, options) : new ChromiumFullBrowser(executable, options);
    }

    @Override
    public final LaunchedProfile launch(Playwright playwright, ThirdPartyCookies setting, String requestTag) {
        try {
            return launchChromium(playwright, setting, requestTag);
        } catch (PlaywrightException e) {
            throw new BrowserUnavailableException(
                    "Chromium did not start"
                            + executable.map(p -> " from " + p).orElse("") + ": " + LabBrowser.firstLine(e.getMessage())
                            + ". Check that it runs (chromium --headless --version), or name another with --browser PATH.",
                    e);
        }
    }

    abstract LaunchedProfile launchChromium(Playwright playwright, ThirdPartyCookies setting, String requestTag);

    /**
     * The user agent Chromium sends when nothing overrides it, as DevTools reports it for the browser that
     * {@code session} belongs to: the one the run's tag is appended to, so that the victim's journal shows what
     * this browser really sends, plus the tag.
     */
    static String ownUserAgent(CDPSession session) {
        try {
            return session.send("Browser.getVersion").get("userAgent").getAsString();
        } finally {
            session.detach();
        }
    }

    /**
     * A fresh Google Chrome in a normal window allows third-party cookies, so the browser's default is "allowed"
     * here, and shares its profile.
     */
    @Override
    public ThirdPartyCookies profileFor(ThirdPartyCookies setting) {
        return setting == ThirdPartyCookies.BROWSER_DEFAULT ? ThirdPartyCookies.ALLOWED : setting;
    }

    /** A DevTools session per page that has had a screenshot: pages are reused from case to case. */
    private final Map<Page, CDPSession> screenshotSessions = java.util.Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * DevTools' own capture of the whole page, encoded for speed: Playwright's full-page screenshot first waits
     * for fonts and an extra animation frame, and took about a third longer a case in a {@code --report} run
     * (./lab bench). No Network domain is enabled on the session, so it adds no traffic to the page's requests.
     */
    @Override
    public byte[] screenshot(Page page, int quality) {
        CDPSession session =
                screenshotSessions.computeIfAbsent(page, p -> p.context().newCDPSession(p));
        JsonObject size = session.send("Page.getLayoutMetrics").getAsJsonObject("cssContentSize");
        JsonObject clip = new JsonObject();
        clip.addProperty("x", 0);
        clip.addProperty("y", 0);
        clip.addProperty("width", Math.max(1, Math.ceil(size.get("width").getAsDouble())));
        clip.addProperty("height", Math.max(1, Math.ceil(size.get("height").getAsDouble())));
        clip.addProperty("scale", 1);
        JsonObject capture = new JsonObject();
        capture.addProperty("format", "jpeg");
        capture.addProperty("quality", quality);
        capture.addProperty("optimizeForSpeed", true);
        capture.addProperty("captureBeyondViewport", true);
        capture.add("clip", clip);
        return Base64.getDecoder()
                .decode(session.send("Page.captureScreenshot", capture)
                        .get("data")
                        .getAsString());
    }

    /** What this strategy is called in reports, after "Chromium". */
    abstract String strategyName();

    @Override
    public final BrowserInfo describe(LaunchedProfile launched) {
        // A persistent profile (the full browser) has no Browser to ask: DevTools gives the full version.
        String version = launched.browser() != null ? launched.browser().version() : versionFromDevTools(launched);
        String name = executable.isPresent() ? "Chromium" : "Chromium (Playwright's managed build)";
        return new BrowserInfo(
                name + strategyName(), version, executable.map(Path::toString).orElse("managed by Playwright"));
    }

    private static String versionFromDevTools(LaunchedProfile launched) {
        BrowserContext context = launched.context();
        Page page =
                context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
        CDPSession session = context.newCDPSession(page);
        try {
            // "HeadlessChrome/156.0.8078.114" or "Chrome/156.0.8078.114": the version after the product's name.
            return session.send("Browser.getVersion")
                    .get("product")
                    .getAsString()
                    .replaceFirst("^[^/]*/", "");
        } finally {
            session.detach();
        }
    }

    @Override
    public final boolean explainsBlockedRead(String message) {
        return message.contains(CORS_POLICY.strip());
    }

    @Override
    public final String blockedReadReason(String message) {
        int at = message.indexOf(CORS_POLICY);
        return at < 0 ? message : message.substring(at + CORS_POLICY.length());
    }

    static final String INSTALL_HINT =
            "Install a Chromium (Debian: apt-get install chromium) or name one with --browser PATH.";

    @Override
    public final String installHint() {
        return INSTALL_HINT;
    }

    /** Local Network Access (Chromium 142 and later): Playwright grants it as {@code local-network-access}. */
    @Override
    public Optional<String> permissionName(BrowserPermission permission) {
        return switch (permission) {
            case LOCAL_NETWORK_ACCESS -> Optional.of("local-network-access");
        };
    }
}
