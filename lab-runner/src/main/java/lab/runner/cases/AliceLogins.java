package lab.runner.cases;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Cookie;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lab.runner.LabServers;
import lab.runner.browser.LabBrowser;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.auth.SessionStore;
import lab.victim.defence.Defences;
import lab.victim.defence.SameSiteMode;

/**
 * Alice's logins, kept from case to case as a person stays logged in, and the cookie jar each case starts from.
 * A real login costs the password hashing and two page loads; its cookie, put back in the jar, serves every later
 * case with the same SameSite setting while its session lives on the victim.
 */
final class AliceLogins {

    private final LabServers servers;
    /** Real logins to reuse, by what is fixed at login (SameSite, the cookie prefix). */
    private final Map<String, List<Cookie>> logins = new HashMap<>();

    AliceLogins(LabServers servers) {
        this.servers = servers;
    }

    /**
     * The browser context a case of {@code setting} runs in, its jar holding exactly Alice's reusable login (none
     * when there is none, or when {@code freshLogin} asks her to log in through the form) and nothing any earlier
     * case left.
     *
     * @param loginKey which login the jar holds or the case's login is to be kept as
     * @param loggedIn whether the jar holds a live login already
     */
    record Jar(BrowserContext context, String loginKey, boolean loggedIn) {}

    Jar jarFor(LabBrowser browser, ThirdPartyCookies setting, boolean freshLogin) {
        Defences defences = servers.victim().defences().current();
        SameSiteMode sameSite = defences.samesite();
        // The session cookie is first-party wherever it is set, so one login serves both third-party cookie
        // settings; only what is fixed at login (SameSite, the cookie prefix, a double-submit cookie) tells
        // logins apart.
        String loginKey = defences.loginShape();
        List<Cookie> login = freshLogin ? null : stillLoggedIn(loginKey);
        // A cookie set without SameSite is put back without the attribute, as new: the browser stores it as set
        // without one, young enough for the Lax+POST exception that fresh unset cookies get (the browser reports
        // such a cookie as Lax, and one put back with an explicit Lax would lose the exception).
        boolean unset = sameSite == SameSiteMode.UNSET;
        BrowserContext context = browser.context(setting);
        try {
            startCookies(context, login, unset);
        } catch (PlaywrightException e) {
            // The browser died since the last case (a crash, a kill): this case has not begun, so start it on a
            // new one. A crash during a case fails that case only.
            context = browser.relaunch(setting);
            startCookies(context, login, unset);
        }
        return new Jar(context, loginKey, login != null);
    }

    /** Alice logs in through the form on {@code page}; her cookies are kept for the next cases with this jar's key. */
    void logIn(Page page, Jar jar) {
        Alice.logIn(page, servers.victim().origin());
        logins.put(jar.loginKey(), jar.context().cookies(servers.victim().origin()));
    }

    /** What the victim's login left in the browser: the session cookie and its attributes, as the browser keeps them. */
    String describeSessionCookie(BrowserContext context) {
        return context.cookies(servers.victim().origin()).stream()
                .filter(c -> SessionStore.isSessionCookieName(c.name))
                .findFirst()
                .map(c -> "The browser stored Alice's session cookie with SameSite: " + sameSite(c) + ", HttpOnly: "
                        + (c.httpOnly ? "yes" : "no") + ", Secure: " + (c.secure ? "yes" : "no") + ".")
                .orElse("Flock's login left no session cookie in the browser.");
    }

    /** {@code None}, {@code Lax} or {@code Strict}, as the attribute is written in a Set-Cookie header. */
    private static String sameSite(Cookie cookie) {
        String name = String.valueOf(cookie.sameSite);
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Leaves exactly {@code login}'s cookies in the jar (none when null). Most cases find the jar as the last one
     * left it, which one look tells; only otherwise is it emptied and filled again.
     */
    private static void startCookies(BrowserContext context, List<Cookie> login, boolean unsetSameSite) {
        // Unset cookies are always put back anew: a kept one would age past the two minutes of Lax+POST.
        if (login != null && !unsetSameSite && cookieKeys(context.cookies()).equals(cookieKeys(login))) {
            return;
        }
        context.clearCookies();
        if (login != null) {
            context.addCookies(unsetSameSite ? withoutSameSite(login) : login);
        }
    }

    /** The cookies as a response that names no SameSite sets them. */
    private static List<Cookie> withoutSameSite(List<Cookie> cookies) {
        return cookies.stream()
                .map(c -> {
                    Cookie copy = new Cookie(c.name, c.value);
                    copy.domain = c.domain;
                    copy.path = c.path;
                    copy.expires = c.expires;
                    copy.httpOnly = c.httpOnly;
                    copy.secure = c.secure;
                    copy.partitionKey = c.partitionKey;
                    return copy;
                })
                .toList();
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
                .anyMatch(c -> SessionStore.isSessionCookieName(c.name)
                        && servers.victim().sessions().find(c.value).isPresent());
        return live ? cookies : null;
    }
}
