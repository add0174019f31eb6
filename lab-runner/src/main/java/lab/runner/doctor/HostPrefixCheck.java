package lab.runner.doctor;

import com.microsoft.playwright.options.Cookie;
import java.util.List;
import java.util.Optional;
import lab.runner.cases.CaseRunner;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * What {@code cookie-prefix=__Host-} rests on (browser facts 24 and 31): Flock's {@code __Host-session} ({@code
 * Secure}, {@code Path=/}, no {@code Domain}) is stored over plain {@code http://social.localhost}, and a page on
 * the sibling {@code pages.social.localhost} can neither overwrite nor shadow it. The sibling tries the three
 * forms the notes measured: the {@code Domain} form, a case variant of the prefix, and a nameless cookie whose
 * value reads {@code __Host-session=...} under a longer path (a server would parse it as that cookie, first). The
 * browser must store none of them, and Flock's journal must show {@code /api/me} carrying one {@code
 * __Host-session}, and running as alice.
 */
final class HostPrefixCheck implements Check {

    static final String COOKIE = "__Host-session";

    private static final String PATH = "/api/me";

    @Override
    public String name() {
        return "host-prefix-resists-sibling";
    }

    @Override
    public String expected() {
        return "Flock's " + COOKIE + " (Secure, Path=/, no Domain) is stored over http://social.localhost; a page on "
                + SiblingCookieTossingCheck.SIBLING
                + " tossing __Host-session, __host-session (Domain=social.localhost)"
                + " and a nameless '=__Host-session=...' (Path=/api) gets none stored; Flock's GET " + PATH
                + " carries one " + COOKIE + " and runs as alice";
    }

    @Override
    public CheckResult measure(Probe probe) {
        probe.defences(Defences.WIDE_OPEN.with("cookie-prefix", "__Host-"));
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            page.logInAsAlice();
            Optional<Cookie> own = page.victimCookie(COOKIE);
            if (own.isEmpty()) {
                return result(
                        false,
                        "after the login over http the browser stored no " + COOKIE + " (cookies for the victim: "
                                + page.victimCookieNames() + ")");
            }
            String tossed = probe.liveSessionOf(SiblingCookieTossingCheck.ATTACKER_USER);
            page.open(probe.attackerOriginAs(SiblingCookieTossingCheck.SIBLING) + "/loot");
            for (String cookie : List.of(
                    COOKIE + "=" + tossed + "; Domain=social.localhost; Path=/; Secure",
                    "__host-session=" + tossed + "; Domain=social.localhost; Path=/; Secure",
                    "=" + COOKIE + "=" + tossed + "; Domain=social.localhost; Path=/api; Secure")) {
                page.evaluate(SiblingCookieTossingCheck.SET_COOKIE, cookie);
            }
            long mark = probe.journalMark();
            page.fetch(probe.victimOrigin() + PATH, true);
            List<JournalEntry> arrived = probe.arrivedSince(mark, PATH);
            List<Cookie> jar = page.cookiesFor(probe.victimOrigin() + PATH);
            List<Cookie> stored =
                    jar.stream().filter(c -> c.value.contains(tossed)).toList();

            long received = SiblingCookieTossingCheck.timesReceived(arrived, COOKIE);
            boolean ownHeld = received == 1 && SiblingCookieTossingCheck.ranAs(arrived, CaseRunner.VICTIM_USER);
            return result(
                    stored.isEmpty() && ownHeld,
                    "stored " + COOKIE + " for " + own.get().domain + (own.get().secure ? ", Secure" : "")
                            + ", Path=" + own.get().path + "; of the sibling's three, the browser kept "
                            + (stored.isEmpty() ? "none" : SiblingCookieTossingCheck.describe(stored))
                            + "; Flock received GET " + PATH + " with " + COOKIE + " "
                            + SiblingCookieTossingCheck.times(received) + " and ran it "
                            + SiblingCookieTossingCheck.describeSession(arrived));
        }
    }
}
