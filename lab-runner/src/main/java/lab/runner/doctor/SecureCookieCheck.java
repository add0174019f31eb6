package lab.runner.doctor;

import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.util.Optional;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;

/**
 * The lab runs on plain HTTP, yet {@code SameSite=None} requires {@code Secure}: the lessons with
 * {@code samesite=none} only work because the browser counts {@code *.localhost} as a secure context (Chromium
 * and Firefox; Safari sends no {@code Secure} cookie to {@code http://localhost}, WebKit bug 281149).
 */
final class SecureCookieCheck implements Check {

    @Override
    public String name() {
        return "secure-cookie-over-http";
    }

    @Override
    public String expected() {
        return "a SameSite=None; Secure cookie set over plain http by social.localhost is stored";
    }

    @Override
    public CheckResult measure(Probe probe) {
        probe.defences(Defences.WIDE_OPEN.with("samesite", "none"));
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            Optional<Cookie> stored = page.logInAsAlice();
            if (stored.isEmpty()) {
                return result(
                        false,
                        "after the login over http the browser stored no session cookie (cookies for the victim: "
                                + page.victimCookieNames() + ")");
            }
            Cookie cookie = stored.get();
            return result(
                    cookie.secure && cookie.sameSite == SameSiteAttribute.NONE,
                    "stored: " + cookie.name + " for " + cookie.domain + (cookie.secure ? ", Secure" : ", not Secure")
                            + ", SameSite=" + sameSite(cookie));
        }
    }

    /** As the attribute is written in Set-Cookie (None, Lax, Strict), not as Playwright's constant. */
    static String sameSite(Cookie cookie) {
        if (cookie.sameSite == null) {
            return "(none reported)";
        }
        String name = cookie.sameSite.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
