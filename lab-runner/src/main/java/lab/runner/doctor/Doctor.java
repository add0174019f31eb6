package lab.runner.doctor;

import com.microsoft.playwright.PlaywrightException;
import java.util.ArrayList;
import java.util.List;
import lab.runner.LabServers;
import lab.runner.LabSession;
import lab.runner.browser.FreshChromium;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;

/**
 * Measures, in the lab's own browser and against its own servers, the browser facts the lessons rely on, and
 * says for each whether this browser still behaves as the lessons assume. Browsers change these rules between
 * versions; a lesson whose assumption broke would otherwise teach something false with a straight face.
 *
 * <p><b>For {@code ./lab run}:</b> {@link #quickChecks(LabSession)} measures the two facts most cases depend
 * on: Lax by default, and the two third-party cookie profiles. It costs three real logins, about as much as
 * three cases: measured at 1.9 to 3 seconds on the project's 2-core machine while other builds ran, most of it
 * in the victim's deliberately slow password hash. It launches both browser profiles, which a full run needs
 * anyway. Call it after {@code LabSession.start(...)} and before the first case, and warn when any result
 * is not {@link CheckResult#passed()}: the expected outcomes of the catalogue may not hold in that browser.
 * Example:
 *
 * <pre>{@code
 * for (CheckResult check : Doctor.quickChecks(session)) {
 *     if (!check.passed()) {
 *         err.println("lab: warning: " + check.name() + ": expected " + check.expected()
 *                 + "; observed " + check.observed() + ". Run ./lab doctor.");
 *     }
 * }
 * }</pre>
 *
 * <p>The checks switch the victim's defences, clear the cookies of the profiles and log Alice in; the
 * defences are put back afterwards, and a case starts from cleared cookies anyway.
 */
public final class Doctor {

    private final LabServers servers;
    private final Probe probe;

    /** @param pages opens a page that follows a third-party cookie setting */
    public Doctor(LabServers servers, SettingPages pages) {
        this.servers = servers;
        this.probe = new Probe(servers, pages);
    }

    /** A doctor for the session's servers and browser, with the browser's own third-party cookie settings. */
    public static Doctor of(LabSession session) {
        return new Doctor(session.servers(), session.browser()::newPage);
    }

    /** The quick subset, for {@code ./lab run} to measure first; see the class comment. */
    public static List<CheckResult> quickChecks(LabSession session) {
        return firefox(session)
                ? of(session).run(FirefoxChecks.quick())
                : of(session).runQuick();
    }

    /** Every check for the session's engine: Firefox has its own facts ({@link FirefoxChecks}). */
    public static List<CheckResult> allChecks(LabSession session) {
        if (!firefox(session)) {
            return of(session).runAll();
        }
        List<CheckResult> results = new ArrayList<>();
        results.add(FirefoxChecks.launched(session.browser().info()));
        results.addAll(of(session).run(FirefoxChecks.all()));
        return results;
    }

    private static boolean firefox(LabSession session) {
        return session.browser().engineKey().equals("firefox");
    }

    /** Every check, as {@code ./lab doctor} prints them. */
    public List<CheckResult> runAll() {
        List<Check> checks = new ArrayList<>(List.of(
                new LocalhostResolutionCheck(),
                new SecureCookieCheck(),
                new LaxByDefaultCheck(),
                new WildcardWithCredentialsCheck(),
                new ThirdPartyCookiesCheck(ThirdPartyCookies.ALLOWED),
                new ThirdPartyCookiesCheck(ThirdPartyCookies.BLOCKED),
                new DefaultThirdPartyCookiesCheck(FreshChromium.Kind.HEADLESS_SHELL),
                new DefaultThirdPartyCookiesCheck(FreshChromium.Kind.FULL_BROWSER),
                new FetchMetadataArrivesCheck(),
                new SecFetchSiteCheck("ports-same-site", "social.localhost", "same-site", "on another port"),
                new SecFetchSiteCheck(
                        "subdomains-same-site", "pages.social.localhost", "same-site", "(sibling subdomain)"),
                new SecFetchSiteCheck("other-names-cross-site", "evil.localhost", "cross-site", "(another name)"),
                WebSocketHandshakeCheck.chromium(),
                new OpaqueResponseBlockingCheck(),
                new LocalNetworkAccessCheck(),
                new SiblingCookieTossingCheck(),
                new HostPrefixCheck()));
        checks.addAll(PartitionedCookieCheck.chromium());
        checks.add(new PreflightCacheCheck());
        checks.add(new PreflightCacheCapCheck());
        checks.add(new LoginCsrfCookieCheck());
        return run(checks);
    }

    /** Lax by default and the two third-party cookie profiles: what most cases' outcomes hang on. */
    public List<CheckResult> runQuick() {
        return run(List.of(
                new LaxByDefaultCheck(),
                new ThirdPartyCookiesCheck(ThirdPartyCookies.ALLOWED),
                new ThirdPartyCookiesCheck(ThirdPartyCookies.BLOCKED)));
    }

    /** Measures {@code checks} in turn, then puts the victim's defences back as they were. */
    List<CheckResult> run(List<Check> checks) {
        Defences before = servers.victim().defences().current();
        List<CheckResult> results = new ArrayList<>();
        try {
            for (Check check : checks) {
                results.add(measure(check));
            }
        } finally {
            servers.victim().defences().set(before);
        }
        return results;
    }

    /** A browser step that throws (a name that does not resolve, a crash) is a FAIL that quotes the browser. */
    private CheckResult measure(Check check) {
        try {
            return check.measure(probe);
        } catch (PlaywrightException e) {
            return check.result(false, "the browser step failed: " + errorLine(e.getMessage()));
        }
    }

    /**
     * The line that says what went wrong. Playwright wraps the driver's error as {@code Error {}, then
     * {@code message='...'}, {@code name=...} and the stack on lines of their own: the message line is the one.
     */
    static String errorLine(String message) {
        if (message == null) {
            return "no details";
        }
        List<String> lines = message.strip().lines().map(String::strip).toList();
        return lines.stream()
                .filter(line -> line.startsWith("message='"))
                .map(line -> line.substring("message='".length()))
                .findFirst()
                .orElse(lines.isEmpty() ? "" : lines.get(0));
    }
}
