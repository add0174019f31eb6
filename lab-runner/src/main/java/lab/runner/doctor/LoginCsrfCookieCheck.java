package lab.runner.doctor;

import java.util.List;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * Why SameSite cannot stop login CSRF (browser facts 27): a cookie set by the answer to a cross-site top-level form
 * POST is stored, whatever its SameSite. Measured with the strictest settings the lab has ({@code samesite=strict},
 * third-party cookies blocked) and the login-csrf lesson's own page, which posts mallory's login to Flock's
 * {@code /login}: Flock's next request, typed into the address bar, runs as mallory. SameSite decides which cookies
 * are sent, not which are stored.
 */
final class LoginCsrfCookieCheck implements Check {

    /** The lesson's page: it submits the attacker's login form to Flock as it loads. */
    private static final String ATTACK_PAGE = "/scenarios/login-csrf/attack.html";

    private static final String LOGIN = "/login";
    private static final String HOME = "/";

    @Override
    public String name() {
        return "login-csrf-cookie-stored";
    }

    @Override
    public String expected() {
        return "samesite=strict, third-party cookies blocked: evil.localhost's form POST of mallory's login to /login"
                + " (cross-site, top-level) gets its session cookie stored; Flock's next typed GET / runs as mallory";
    }

    @Override
    public CheckResult measure(Probe probe) {
        probe.defences(Defences.WIDE_OPEN.with("samesite", "strict"));
        try (ProbePage page = probe.open(ThirdPartyCookies.BLOCKED)) {
            long mark = probe.journalMark();
            // The login answers 303 to "/", where a Strict cookie is not sent yet (first hop of a cross-site
            // navigation), so "/" sends the browser on to the login form: wait for whichever Flock page it ends on.
            String victim = probe.victimOrigin();
            page.openAndFollow(probe.attackerOriginAs("evil.localhost") + ATTACK_PAGE, url -> url.startsWith(victim));
            List<JournalEntry> posted = probe.arrivedSince(mark, LOGIN).stream()
                    .filter(e -> e.method().equals("POST"))
                    .toList();
            long typed = probe.journalMark();
            page.open(probe.victimOrigin() + HOME);
            List<JournalEntry> next = probe.arrivedSince(typed, HOME);
            if (posted.isEmpty()) {
                return result(false, "the victim received no POST " + LOGIN);
            }
            JournalEntry login = posted.get(0);
            boolean crossSiteLogin = login.status() == 303 && "cross-site".equals(login.secFetchSite());
            boolean stored = SiblingCookieTossingCheck.ranAs(next, SiblingCookieTossingCheck.ATTACKER_USER);
            return result(
                    crossSiteLogin && stored,
                    "POST " + LOGIN + " from " + login.origin() + " (Sec-Fetch-Site: " + login.secFetchSite()
                            + ") answered " + login.status() + "; the browser kept "
                            + page.sessionCookie()
                                    .map(c -> "a session cookie (SameSite=" + SecureCookieCheck.sameSite(c) + ")")
                                    .orElse("no session cookie")
                            + "; Flock ran the typed GET " + HOME + " "
                            + SiblingCookieTossingCheck.describeSession(next));
        }
    }
}
