package lab.runner.doctor;

import com.microsoft.playwright.options.Cookie;
import java.util.List;
import lab.runner.cases.CaseRunner;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.auth.SessionStore;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * The cookie-tossing lesson's premise (browser facts 24): a page on the sibling {@code pages.social.localhost} may
 * set a cookie for {@code Domain=social.localhost}, even one named like Flock's HttpOnly session cookie; the browser
 * keeps it beside Flock's own and sends it to Flock, the longer path first. Measured with Flock's plain cookie names
 * ({@code cookie-prefix=none}): the sibling tosses a live session of mallory's under {@code Path=/api}, and Flock's
 * journal says which cookies each request carried and under whose session it ran: {@code /api/me} with two
 * {@code session} cookies, as mallory (the tossed cookie came first), {@code /} still as alice (hers was not
 * overwritten).
 */
final class SiblingCookieTossingCheck implements Check {

    static final String SIBLING = "pages.social.localhost";
    static final String ATTACKER_USER = "mallory";

    /** Sets one cookie from the page's script, as the lesson's page does. */
    static final String SET_COOKIE = "cookie => { document.cookie = cookie; }";

    private static final String SHADOWED = "/api/me";
    private static final String ELSEWHERE = "/";

    @Override
    public String name() {
        return "sibling-can-toss-cookies";
    }

    @Override
    public String expected() {
        return "a page on " + SIBLING + " sets session=<mallory's> for Domain=social.localhost, Path=/api beside"
                + " Alice's session cookie: the browser keeps both and sends both; Flock's GET " + SHADOWED
                + " runs as mallory (the tossed cookie comes first), its GET " + ELSEWHERE + " as alice";
    }

    @Override
    public CheckResult measure(Probe probe) {
        probe.defences(Defences.WIDE_OPEN.with("cookie-prefix", "none"));
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            if (page.logInAsAlice().isEmpty()) {
                return result(false, "the login stored no session cookie, so there was nothing to shadow");
            }
            String tossed = probe.liveSessionOf(ATTACKER_USER);
            page.open(probe.attackerOriginAs(SIBLING) + "/loot");
            page.evaluate(
                    SET_COOKIE,
                    SessionStore.COOKIE_NAME + "=" + tossed + "; Domain=social.localhost; Path=/api; Secure");
            long mark = probe.journalMark();
            // Same-site requests: every cookie of Flock goes along, whatever its SameSite.
            page.fetch(probe.victimOrigin() + SHADOWED, true);
            page.fetch(probe.victimOrigin() + ELSEWHERE, true);
            List<JournalEntry> shadowed = probe.arrivedSince(mark, SHADOWED);
            List<JournalEntry> elsewhere = probe.arrivedSince(mark, ELSEWHERE);
            List<Cookie> jar = page.cookiesFor(probe.victimOrigin() + SHADOWED).stream()
                    .filter(c -> c.name.equals(SessionStore.COOKIE_NAME))
                    .toList();

            long received = timesReceived(shadowed, SessionStore.COOKIE_NAME);
            boolean both = jar.size() == 2 && received == 2;
            boolean tossedFirst = ranAs(shadowed, ATTACKER_USER);
            boolean ownKept = ranAs(elsewhere, CaseRunner.VICTIM_USER);
            return result(
                    both && tossedFirst && ownKept,
                    "the browser holds " + describe(jar) + "; Flock received GET " + SHADOWED + " with "
                            + SessionStore.COOKIE_NAME + " " + times(received) + " and ran it "
                            + describeSession(shadowed) + ", GET " + ELSEWHERE + " "
                            + describeSession(elsewhere));
        }
    }

    /** How many cookies named {@code name} came with the first of {@code entries}, as Flock's journal counts them. */
    static long timesReceived(List<JournalEntry> entries, String name) {
        return entries.isEmpty()
                ? 0
                : entries.get(0).cookieNames().stream().filter(name::equals).count();
    }

    static String times(long count) {
        return count == 1 ? "once" : count == 2 ? "twice" : count + " times";
    }

    static boolean ranAs(List<JournalEntry> entries, String user) {
        return !entries.isEmpty() && user.equals(entries.get(0).user());
    }

    /** How Flock saw the first of {@code entries}: as which user, or without a live session. */
    static String describeSession(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return "(never received)";
        }
        JournalEntry entry = entries.get(0);
        if (entry.user() != null) {
            return "as " + entry.user();
        }
        return entry.cookieNames().isEmpty()
                ? "with no cookie"
                : "with no live session (cookies: " + String.join(", ", entry.cookieNames()) + ")";
    }

    /** The cookies as the browser keeps them: {@code session for social.localhost, Path=/}, one per cookie. */
    static String describe(List<Cookie> jar) {
        if (jar.isEmpty()) {
            return "no such cookie";
        }
        return jar.size() + " cookie" + (jar.size() == 1 ? "" : "s") + " ("
                + String.join(
                        "; ",
                        jar.stream()
                                .map(c -> (c.name.isEmpty() ? "a nameless cookie" : c.name) + " for " + c.domain
                                        + ", Path=" + c.path)
                                .toList())
                + ")";
    }
}
