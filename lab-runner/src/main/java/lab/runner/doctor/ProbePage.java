package lab.runner.doctor;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import lab.runner.browser.BrowserWords;
import lab.runner.cases.CaseRunner;
import lab.victim.auth.SessionStore;

/** One browser page a check drives, with what the browser said to it. Closing it closes the page. */
final class ProbePage implements AutoCloseable {

    /** The browser gives the reason of a blocked read just after the script sees the failed fetch: a moment to wait. */
    private static final double EXPLANATION_GRACE_MILLIS = 1_000;

    /**
     * Runs in the page: a fetch whose outcome the script reports as data, since a refused read only shows up
     * to a script as a TypeError.
     */
    private static final String FETCH = """
            async ([url, credentials]) => {
              try {
                const response = await fetch(url, {credentials});
                await response.text();
                return {read: true, status: response.status};
              } catch (e) {
                return {read: false, error: String(e)};
              }
            }""";

    private static final String FRAME = """
            url => new Promise(resolve => {
              const frame = document.createElement('iframe');
              frame.onload = () => resolve(true);
              frame.src = url;
              document.body.append(frame);
            })""";

    private final Page page;
    private final String victimOrigin;
    private final BrowserWords words;

    ProbePage(Page page, String victimOrigin) {
        this.page = page;
        this.victimOrigin = victimOrigin;
        this.words = BrowserWords.of(page);
    }

    /** Opens {@code url} as if typed into the address bar. */
    Response open(String url) {
        return page.navigate(url);
    }

    /**
     * Opens {@code url}, a page that sends the browser on by itself (a form it submits as it loads), and waits
     * until the browser has loaded the page it ends on, one whose address {@code landing} accepts. By then it has
     * handled every {@code Set-Cookie} on the way, and no navigation is left in flight.
     */
    void openAndFollow(String url, Predicate<String> landing) {
        // Waiting for the opened page's own load would race with the navigation it starts.
        page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        page.waitForURL(landing);
    }

    /**
     * Alice logs in through the victim's own form, so that the cookie is set by a real response under the
     * current {@code samesite} defence.
     *
     * @return the session cookie the browser stored, if it stored one
     */
    Optional<Cookie> logInAsAlice() {
        page.navigate(victimOrigin + "/login");
        page.fill("#username", CaseRunner.VICTIM_USER);
        page.fill("#password", CaseRunner.VICTIM_PASSWORD);
        // The login answers 303 to "/"; once "/" has answered, the browser has handled the Set-Cookie.
        page.waitForResponse(victimOrigin + "/", () -> page.click("button[type=submit]"));
        return sessionCookie();
    }

    /** The victim's session cookie as this profile stores it, if it does. */
    Optional<Cookie> sessionCookie() {
        return victimCookie(SessionStore.COOKIE_NAME);
    }

    /** The victim's cookie named {@code name} (for the whole site, {@code Path=/}) as this profile stores it. */
    Optional<Cookie> victimCookie(String name) {
        return page.context().cookies(victimOrigin).stream()
                .filter(c -> c.name.equals(name))
                .findFirst();
    }

    /**
     * The cookies this profile would send with a request for {@code url} on the victim, whatever their domain
     * attribute: Flock's own host-only cookies and any a sibling set for {@code Domain=social.localhost}.
     */
    List<Cookie> cookiesFor(String url) {
        return page.context().cookies(url);
    }

    /** Every cookie this profile stores for the victim, by name, for a report. */
    List<String> victimCookieNames() {
        return page.context().cookies(victimOrigin).stream().map(c -> c.name).toList();
    }

    /** Runs {@code fetch(url)} from the current page, with or without credentials. */
    FetchResult fetch(String url, boolean withCredentials) {
        Map<?, ?> result = (Map<?, ?>) page.evaluate(FETCH, List.of(url, withCredentials ? "include" : "omit"));
        if (Boolean.TRUE.equals(result.get("read"))) {
            return FetchResult.read(((Number) result.get("status")).intValue());
        }
        return FetchResult.failed(String.valueOf(result.get("error")));
    }

    /**
     * Follows a link to {@code url} from the current page: a top-level navigation started by that page's site,
     * unlike {@link #open}, which the browser treats as typed by the user.
     */
    void followLinkTo(String url) {
        page.evaluate("url => { location.href = url; }", url);
        page.waitForURL(url);
    }

    /**
     * The browser's explanation of a blocked read, if it gave one containing {@code fragment}, waiting a moment for
     * it to arrive; as its reason alone, without the URLs the browser puts around it.
     */
    Optional<String> blockedReadReason(String fragment) {
        words.awaitContaining(page, fragment, EXPLANATION_GRACE_MILLIS);
        return words.containing(fragment).map(words::reasonIn);
    }

    /** The browser's words containing {@code fragment}, as recorded ({@code pageerror: ...}), waiting a moment. */
    Optional<String> browserWords(String fragment) {
        words.awaitContaining(page, fragment, EXPLANATION_GRACE_MILLIS);
        return words.containing(fragment);
    }

    /**
     * Frames {@code url} in the current page and waits for the frame's {@code load} event, which fires once the
     * framed document has arrived (and its {@code Set-Cookie} been handled).
     */
    void frame(String url) {
        page.evaluate(FRAME, url);
    }

    /** Runs {@code script} (a function of one argument, possibly async) in the page and returns its result. */
    Object evaluate(String script, Object argument) {
        return page.evaluate(script, argument);
    }

    /** Grants this page's profile Chromium's Local Network Access permission, as Alice would in its prompt. */
    void grantLocalNetworkAccess() {
        page.context().grantPermissions(List.of("local-network-access"));
    }

    /** Takes back every permission granted to this page's profile. */
    void revokePermissions() {
        page.context().clearPermissions();
    }

    @Override
    public void close() {
        try {
            page.close();
        } catch (PlaywrightException e) {
            // The page died with its browser; the check already failed with the reason.
        }
    }
}
