package lab.runner.browser;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.journal.RequestTag;

/**
 * Chromium's headless shell: one profile for both settings, kept in memory as an Incognito window's is (which
 * also spares every navigation the writes of an on-disk profile: measured, about 5 ms a navigation). The shell
 * reads no profile preference and allows third-party cookies, as a normal Chrome window does; a page that is to
 * block them gets DevTools' third-party cookie control ({@code Network.setCookieControls}, the "limit third-party
 * cookies" switch of the DevTools Privacy panel), which makes the network stack treat that page's third-party
 * cookies as blocked by the user, as Incognito does.
 */
final class ChromiumHeadlessShell extends ChromiumEngine {

    /** Each blocking page's DevTools session, kept with the page for as long as it lives. */
    private final Map<Page, CDPSession> devTools = new WeakHashMap<>();

    ChromiumHeadlessShell(Optional<Path> executable, BrowserOptions options) {
        super(executable, options);
    }

    @Override
    LaunchedProfile launchChromium(Playwright playwright, ThirdPartyCookies setting, String requestTag) {
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions()
                .setHeadless(!options.headed())
                .setSlowMo(options.slowMoMillis())
                // Ctrl-C is left to the runner, which closes the browser before the driver (LabBrowser).
                .setHandleSIGINT(false)
                .setArgs(ARGS);
        executable.ifPresent(launch::setExecutablePath);
        Browser browser = playwright.chromium().launch(launch);
        // The tag goes in as the context's user agent, which Playwright gives every page, frame and worker
        // (DevTools' emulation per target): the browser then sends it on every request, preflights included.
        // (The shell keeps the null-origin lesson's sandboxed frame in its page's process; the full browser does
        // not, and takes the tag by command-line switch instead: ChromiumFullBrowser.)
        String userAgent;
        try {
            userAgent = RequestTag.append(ownUserAgent(browser.newBrowserCDPSession()), requestTag);
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
        return LaunchedProfile.inMemory(browser, userAgent);
    }

    @Override
    String strategyName() {
        return " headless shell";
    }

    @Override
    public ThirdPartyCookies profileFor(ThirdPartyCookies setting) {
        return ThirdPartyCookies.ALLOWED;
    }

    /**
     * Only a page that blocks third-party cookies needs DevTools. Such a page costs more (DevTools then sends every
     * network event of the page through the driver to this process: measured, several milliseconds a navigation),
     * so no other page gets it.
     */
    @Override
    public void preparePage(Page page, ThirdPartyCookies setting) {
        if (setting != ThirdPartyCookies.BLOCKED) {
            return;
        }
        CDPSession session = page.context().newCDPSession(page);
        // The cookie controls belong to DevTools' network domain and take effect only while it is enabled.
        session.send("Network.enable");
        JsonObject controls = new JsonObject();
        controls.addProperty("enableThirdPartyCookieRestriction", true);
        // No exceptions: no grace period for sites that still need them and no heuristic grants after
        // pop-ups or redirects, as in Incognito and in browsers that block them outright.
        controls.addProperty("disableThirdPartyCookieMetadata", true);
        controls.addProperty("disableThirdPartyCookieHeuristics", true);
        session.send("Network.setCookieControls", controls);
        synchronized (devTools) {
            devTools.put(page, session);
        }
        try {
            page.onClose(closed -> {
                synchronized (devTools) {
                    devTools.remove(closed);
                }
            });
        } catch (PlaywrightException e) {
            // The page is gone already; its entry goes with it.
        }
    }
}
