package lab.runner.doctor;

import java.util.List;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * Every case names a third-party cookie setting, and the lessons assume that the profile for it behaves like
 * that setting: with {@code allowed} a {@code SameSite=None} cookie goes along on a cross-site fetch, with
 * {@code blocked} it stays home.
 */
final class ThirdPartyCookiesCheck implements Check {

    private static final String PATH = "/api/me";

    private final ThirdPartyCookies setting;

    ThirdPartyCookiesCheck(ThirdPartyCookies setting) {
        this.setting = setting;
    }

    @Override
    public String name() {
        return "third-party-cookies-" + setting.key();
    }

    @Override
    public String expected() {
        return "third-party cookies " + setting.key() + ": a SameSite=None cookie is "
                + (sentWhenAllowed() ? "sent" : "not sent") + " on a cross-site fetch";
    }

    private boolean sentWhenAllowed() {
        return setting == ThirdPartyCookies.ALLOWED;
    }

    @Override
    public CheckResult measure(Probe probe) {
        probe.defences(Defences.WIDE_OPEN.with("samesite", "none"));
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
            return result(entry.sessionCookie() == sentWhenAllowed(), "the victim received " + Probe.describe(entry));
        }
    }
}
