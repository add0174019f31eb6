package lab.runner.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import java.util.Optional;
import java.util.function.UnaryOperator;
import lab.scenarios.BrowserPermission;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.journal.RequestTag;

/**
 * One browser engine the lab can drive: how it is launched, how a page gets a case's third-party cookie
 * setting, where it reports a blocked read and in which words, and what it is called. {@link LabBrowser} does
 * everything engine-neutral around it (one launch per profile, the reused case pages, relaunch after a crash,
 * closing and clean-up); {@link BrowserEngines} names the engines there are.
 */
public interface BrowserEngine {

    /**
     * A host name that an engine resolves to 127.0.0.1 inside the browser while treating it as an ordinary,
     * not potentially trustworthy plain-HTTP site (no {@code .localhost}): where the doctor shows that plain-HTTP
     * sites receive no {@code Sec-Fetch-*}. An engine that does not map it leaves that measurement undone.
     */
    String PLAIN_HTTP_LOOPBACK_NAME = "plain-http.lab.test";

    /**
     * Launches the browser with a profile for pages of {@code setting}, as {@link #profileFor} groups them, whose
     * requests all carry {@code requestTag}.
     *
     * <p>The tag's contract, on which every verdict rests (only requests with it can decide a case): the browser's
     * own {@code User-Agent}, as it would send it, with the tag appended by {@link RequestTag#append}, is what
     * every request of the profile carries: navigations, fetches, CORS preflights, and those of frames (also
     * frames in other processes), pop-ups and workers; {@code navigator.userAgent} says the same. It is set as the
     * browser's own user agent (a launch or context option, such as Playwright's {@code setUserAgent}, or the
     * engine's emulation), never as an extra request header: an author header would add a CORS preflight, and the
     * lessons' requests must stay as a plain browser sends them.
     *
     * @throws BrowserUnavailableException when the browser does not start, saying how to get one that does
     */
    LaunchedProfile launch(Playwright playwright, ThirdPartyCookies setting, String requestTag);

    /**
     * The setting whose profile pages of {@code setting} open in: the setting itself when the engine fixes it per
     * profile (a preference read at launch), or one shared setting when each page is given its own.
     */
    default ThirdPartyCookies profileFor(ThirdPartyCookies setting) {
        return setting;
    }

    /** Gives a new page {@code setting} where its profile alone does not (a per-page control). */
    default void preparePage(Page page, ThirdPartyCookies setting) {}

    /**
     * Sends {@code page}'s requests matching {@code pattern} to the loopback URL {@code toLoopback} makes of each,
     * while the browser keeps the URL it asked for (and so the page's origin): a page can then live on any name
     * without that name ever being resolved. By default the request is continued to the new URL; Chromium needs
     * that, since a page Playwright answered itself has no address and Local Network Access keeps it off loopback.
     */
    default void routeToLoopback(Page page, String pattern, UnaryOperator<String> toLoopback) {
        page.route(
                pattern,
                route -> route.resume(new Route.ResumeOptions()
                        .setUrl(toLoopback.apply(route.request().url()))));
    }

    /**
     * The name under which this engine grants {@code permission} (Playwright's permission name), or empty when the
     * engine has no such permission, and so no such check: a case that grants it then runs without it.
     */
    default Optional<String> permissionName(BrowserPermission permission) {
        return Optional.empty();
    }

    /**
     * The whole of {@code page} as it looks now, as a JPEG of {@code quality} (0 to 100), for a report: by default
     * Playwright's full-page screenshot.
     */
    default byte[] screenshot(Page page, int quality) {
        return page.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setType(com.microsoft.playwright.options.ScreenshotType.JPEG)
                .setQuality(quality));
    }

    /** Which browser ran, from its first launched profile: every report names it. */
    BrowserInfo describe(LaunchedProfile launched);

    /**
     * Whether {@code message}, as {@link BrowserWords} recorded it from the console or the page errors, is the
     * browser's explanation of a blocked cross-origin read. Each engine words it differently.
     */
    boolean explainsBlockedRead(String message);

    /**
     * A page error as the evidence quotes it. Playwright hands over an engine's script errors in that engine's own
     * shape (Firefox repeats the message and ends it with {@code undefined}); by default it is kept as it came.
     */
    default String pageErrorText(String error) {
        return error;
    }

    /** The reason alone in such an explanation, without the URLs around it; the message itself otherwise. */
    String blockedReadReason(String message);

    /** What to tell the user when Playwright cannot start this engine's browser: how to install or name one. */
    String installHint();
}
