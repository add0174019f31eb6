package lab.runner.doctor;

import java.util.List;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.DefenceRegistry;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * The partitioned-cookies lesson's facts (browser facts 25), in one third-party cookie setting: Flock's widget,
 * framed under {@code shop.evil.localhost}, sets its {@code SameSite=None; Secure; Partitioned} cookie; framed
 * again under {@code evil.localhost} (the same site, another origin) it gets the cookie back, and framed under
 * {@code ads.localhost} (another site) it does not. Chromium keeps such a cookie with third-party cookies allowed
 * and blocked alike; Firefox honours the attribute with {@code cookieBehavior} 0, partitions every third-party
 * cookie with 5, and with 1 refuses even a partitioned one, so that the widget never gets it back.
 */
final class PartitionedCookieCheck implements Check {

    /** The widget's cookie, as {@code WidgetController} names it. */
    static final String COOKIE = "flock_widget";

    private static final String FIRST = "shop.evil.localhost";
    private static final String SAME_SITE = "evil.localhost";
    private static final String OTHER_SITE = "ads.localhost";

    private final ThirdPartyCookies setting;
    /** How the setting is called in the engine's own words, e.g. {@code cookieBehavior 1}, or "". */
    private final String engineSetting;

    private final boolean keptUnderSameSite;

    private PartitionedCookieCheck(ThirdPartyCookies setting, String engineSetting, boolean keptUnderSameSite) {
        this.setting = setting;
        this.engineSetting = engineSetting;
        this.keptUnderSameSite = keptUnderSameSite;
    }

    /** Chromium keeps the partitioned cookie whether third-party cookies are allowed or blocked. */
    static List<Check> chromium() {
        return List.of(
                new PartitionedCookieCheck(ThirdPartyCookies.ALLOWED, "", true),
                new PartitionedCookieCheck(ThirdPartyCookies.BLOCKED, "", true));
    }

    /** Firefox: kept per site with cookieBehavior 0 and 5, refused with 1 (the catalogue's Firefox evidence). */
    static List<Check> firefox() {
        return List.of(
                new PartitionedCookieCheck(ThirdPartyCookies.ALLOWED, "cookieBehavior 0", true),
                new PartitionedCookieCheck(ThirdPartyCookies.BLOCKED, "cookieBehavior 1", false),
                new PartitionedCookieCheck(ThirdPartyCookies.BROWSER_DEFAULT, "cookieBehavior 5", true));
    }

    @Override
    public String name() {
        return "partitioned-cookie-" + setting.key();
    }

    @Override
    public String expected() {
        return "third-party cookies " + setting.key() + (engineSetting.isEmpty() ? "" : " (" + engineSetting + ")")
                + ": the widget framed under " + FIRST + " sets " + COOKIE + " (Partitioned); framed under "
                + SAME_SITE + " it " + (keptUnderSameSite ? "gets it back" : "does not get it back (not kept)")
                + "; under " + OTHER_SITE + " it does not";
    }

    @Override
    public CheckResult measure(Probe probe) {
        probe.defences(Defences.WIDE_OPEN);
        try (ProbePage page = probe.open(setting)) {
            JournalEntry first = frameUnder(probe, page, FIRST);
            JournalEntry sameSite = frameUnder(probe, page, SAME_SITE);
            JournalEntry otherSite = frameUnder(probe, page, OTHER_SITE);
            if (first == null || sameSite == null || otherSite == null) {
                return result(false, "the victim did not receive a widget request from each of the three pages");
            }
            boolean fresh = !carries(first);
            boolean passed = fresh && carries(sameSite) == keptUnderSameSite && !carries(otherSite);
            return result(
                    passed,
                    "framed under " + FIRST + ": " + describe(first) + (fresh ? ", so it set a new one" : "") + "; "
                            + SAME_SITE + ": " + describe(sameSite) + "; " + OTHER_SITE + ": " + describe(otherSite));
        }
    }

    /** Opens a page of the attacker's under {@code host} and frames the widget in it; the request Flock received. */
    private static JournalEntry frameUnder(Probe probe, ProbePage page, String host) {
        String parent = probe.attackerOriginAs(host);
        page.open(parent + "/loot");
        long mark = probe.journalMark();
        page.frame(probe.victimOrigin() + DefenceRegistry.WIDGET_PATH + "?parent=" + parent);
        List<JournalEntry> arrived = probe.arrivedSince(mark, DefenceRegistry.WIDGET_PATH);
        return arrived.isEmpty() ? null : arrived.get(0);
    }

    private static boolean carries(JournalEntry entry) {
        return entry.cookieNames().contains(COOKIE);
    }

    private static String describe(JournalEntry entry) {
        return carries(entry) ? COOKIE + " came along" : "no " + COOKIE;
    }
}
