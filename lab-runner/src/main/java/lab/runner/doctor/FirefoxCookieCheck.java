package lab.runner.doctor;

import java.util.List;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * The Firefox expectations rest on what each cookie preference does to the spam page's credentialed fetch
 * (browser facts 18 and 19): with {@code cookieBehavior} 0 a {@code SameSite=None} cookie goes along, with 1 and
 * with 5 (Total Cookie Protection, the {@code browser-default} setting) it stays home; and with 0 a cookie without
 * SameSite goes along too, since Firefox has no Lax by default.
 */
final class FirefoxCookieCheck implements Check {

    private static final String PATH = "/api/me";

    private final String name;
    private final ThirdPartyCookies setting;
    private final String sameSite;
    private final boolean sent;

    private FirefoxCookieCheck(String name, ThirdPartyCookies setting, String sameSite, boolean sent) {
        this.name = name;
        this.setting = setting;
        this.sameSite = sameSite;
        this.sent = sent;
    }

    /** {@code cookieBehavior} 0, 1 and 5 (allowed, blocked, browser-default) for a SameSite=None cookie. */
    static List<Check> cookieBehaviors() {
        return List.of(
                new FirefoxCookieCheck("cookie-behavior-0", ThirdPartyCookies.ALLOWED, "none", true),
                new FirefoxCookieCheck("cookie-behavior-1", ThirdPartyCookies.BLOCKED, "none", false),
                new FirefoxCookieCheck("cookie-behavior-5", ThirdPartyCookies.BROWSER_DEFAULT, "none", false));
    }

    /** No Lax by default: a cookie without SameSite goes along on a cross-site fetch where third-party ones may. */
    static Check noLaxByDefault() {
        return new FirefoxCookieCheck("no-lax-by-default", ThirdPartyCookies.ALLOWED, "unset", true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String expected() {
        return "third-party cookies " + setting.key() + ", samesite=" + sameSite + ": the session cookie is "
                + (sent ? "sent" : "not sent") + " on a cross-site fetch";
    }

    @Override
    public CheckResult measure(Probe probe) {
        probe.defences(Defences.WIDE_OPEN.with("samesite", sameSite));
        try (ProbePage page = probe.open(setting)) {
            if (page.logInAsAlice().isEmpty()) {
                return result(false, "the login stored no session cookie, so there was nothing to send");
            }
            page.open(probe.attackerOriginAs("evil.localhost") + "/loot");
            long mark = probe.journalMark();
            page.fetch(probe.victimOrigin() + PATH, true);
            List<JournalEntry> arrived = probe.arrivedSince(mark, PATH);
            if (arrived.isEmpty()) {
                return result(false, "the victim received no request for " + PATH);
            }
            JournalEntry entry = arrived.get(0);
            return result(entry.sessionCookie() == sent, "the victim received " + Probe.describe(entry));
        }
    }
}
