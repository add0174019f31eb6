package lab.runner.doctor;

import java.util.List;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * {@code samesite=unset} is taught as Chromium's "Lax by default" (Firefox and Safari treat such a cookie as
 * {@code None}): a cookie without the attribute stays home on a
 * cross-site fetch but goes along on a cross-site link. Both halves are measured, so that a cookie withheld
 * for another reason (not stored, Strict, blocked) does not pass for Lax. The profile allows third-party
 * cookies, so that only SameSite can withhold the cookie.
 */
final class LaxByDefaultCheck implements Check {

    private static final String PATH = "/api/me";

    @Override
    public String name() {
        return "lax-by-default";
    }

    @Override
    public String expected() {
        return "a cookie without SameSite: not sent on a cross-site fetch, sent on a cross-site link";
    }

    @Override
    public CheckResult measure(Probe probe) {
        probe.defences(Defences.WIDE_OPEN.with("samesite", "unset"));
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            if (page.logInAsAlice().isEmpty()) {
                return result(false, "the login stored no session cookie, so there was nothing to withhold");
            }
            page.open(probe.attackerOriginAs("evil.localhost") + "/loot");
            long beforeFetch = probe.journalMark();
            page.fetch(probe.victimOrigin() + PATH, true);
            List<JournalEntry> fetched = probe.arrivedSince(beforeFetch, PATH);
            long beforeLink = probe.journalMark();
            page.followLinkTo(probe.victimOrigin() + PATH);
            List<JournalEntry> linked = probe.arrivedSince(beforeLink, PATH);

            boolean withheldOnFetch = !fetched.isEmpty() && !fetched.get(0).sessionCookie();
            boolean sentOnLink = !linked.isEmpty() && linked.get(0).sessionCookie();
            return result(
                    withheldOnFetch && sentOnLink,
                    "fetch: " + describeFirst(fetched) + "; link: " + describeFirst(linked));
        }
    }

    private static String describeFirst(List<JournalEntry> entries) {
        return entries.isEmpty() ? "the victim received nothing" : Probe.describe(entries.get(0));
    }
}
