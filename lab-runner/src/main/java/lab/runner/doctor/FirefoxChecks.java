package lab.runner.doctor;

import java.util.ArrayList;
import java.util.List;
import lab.runner.browser.BrowserInfo;
import lab.runner.browser.PlaywrightVersion;

/**
 * The facts the Firefox expectations of the catalogue rest on, measured in the lab's Firefox: that it launched
 * under this Playwright (and which versions), the engine-neutral checks ({@code *.localhost} on loopback,
 * {@code Secure} cookies over plain HTTP), no Lax by default, {@code cookieBehavior} 0, 1 and 5, and the wildcard
 * refused with credentials, reported as a page error; then the new lessons' facts that hold in Firefox too (the
 * WebSocket handshake, with {@code Sec-Fetch-Mode: websocket}; cookie tossing and {@code __Host-}; the preflight
 * cache; the cookie of a cross-site login post), and partitioned cookies per {@code cookieBehavior}, where Firefox
 * differs from Chromium.
 */
final class FirefoxChecks {

    static final String LAUNCH = "firefox-launch";

    private FirefoxChecks() {}

    static List<Check> all() {
        List<Check> checks = new ArrayList<>();
        checks.add(new FirefoxLocalhostCheck());
        checks.add(new SecureCookieCheck());
        checks.add(FirefoxCookieCheck.noLaxByDefault());
        checks.add(new FirefoxBlockedReadCheck());
        checks.addAll(FirefoxCookieCheck.cookieBehaviors());
        checks.add(WebSocketHandshakeCheck.firefox());
        checks.add(new SiblingCookieTossingCheck());
        checks.add(new HostPrefixCheck());
        checks.addAll(PartitionedCookieCheck.firefox());
        checks.add(new PreflightCacheCheck());
        checks.add(new LoginCsrfCookieCheck());
        return checks;
    }

    /** What most Firefox cases hang on, for {@code ./lab run} to measure first. */
    static List<Check> quick() {
        List<Check> checks = new ArrayList<>();
        checks.add(FirefoxCookieCheck.noLaxByDefault());
        checks.addAll(FirefoxCookieCheck.cookieBehaviors());
        return checks;
    }

    /** Firefox started under Playwright over WebDriver BiDi and answered its version. */
    public static CheckResult launched(BrowserInfo browser) {
        return CheckResult.of(
                LAUNCH,
                true,
                expectedLaunch(),
                browser.name() + " " + browser.version() + " (" + browser.executable() + ") under Playwright "
                        + PlaywrightVersion.get());
    }

    /** The pairing broke: Firefox did not start or answer under this Playwright; the message names both versions. */
    public static CheckResult failedToLaunch(String firefoxVersion, String why) {
        return CheckResult.of(
                LAUNCH,
                false,
                expectedLaunch(),
                firefoxVersion + " did not start under Playwright " + PlaywrightVersion.get() + ": " + why
                        + " (measured working: Firefox ESR 153 with Playwright 1.62 to 1.64; 1.65 lacks a BiDi"
                        + " command ESR 153 has not got)");
    }

    private static String expectedLaunch() {
        return "Firefox launches headless under Playwright (WebDriver BiDi) and reports its version";
    }
}
