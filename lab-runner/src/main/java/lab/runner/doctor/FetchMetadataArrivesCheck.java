package lab.runner.doctor;

import java.util.List;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.journal.JournalEntry;

/**
 * Browsers send {@code Sec-Fetch-*} only to potentially trustworthy URLs (HTTPS, and localhost names over plain
 * HTTP). The {@code fetch-metadata} defence and every lesson that quotes {@code Sec-Fetch-Site} rest on the lab's
 * {@code *.localhost} origins counting as trustworthy; a real site on plain {@code http://} receives none, so
 * there the defence sees only clients without Fetch Metadata. This check measures the lab's half: whether the
 * headers arrive at the victim on its {@code *.localhost} origin, for a fetch and for a navigation.
 */
final class FetchMetadataArrivesCheck implements Check {

    private static final String PATH = "/api/public/posts";

    @Override
    public String name() {
        return "fetch-metadata-on-localhost";
    }

    @Override
    public String expected() {
        return "Sec-Fetch-Site and Sec-Fetch-Mode arrive at http://social.localhost (potentially trustworthy),"
                + " on a cross-site fetch and on a typed navigation";
    }

    @Override
    public CheckResult measure(Probe probe) {
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            long mark = probe.journalMark();
            page.open(probe.victimOrigin() + PATH);
            page.open(probe.attackerOriginAs("evil.localhost") + "/loot");
            // No credentials: only the headers are under test, and the public answer is readable.
            page.fetch(probe.victimOrigin() + PATH, false);
            List<JournalEntry> arrived = probe.arrivedSince(mark, PATH);
            if (arrived.size() < 2) {
                return result(false, "the victim received " + arrived.size() + " of the 2 requests for " + PATH);
            }
            boolean all = arrived.stream().allMatch(e -> e.secFetchSite() != null && e.secFetchMode() != null);
            return result(
                    all,
                    "navigation: " + headers(arrived.get(0)) + "; fetch from evil.localhost: "
                            + headers(arrived.get(1)));
        }
    }

    private static String headers(JournalEntry entry) {
        return "Sec-Fetch-Site: " + entry.secFetchSite() + ", Sec-Fetch-Mode: " + entry.secFetchMode();
    }
}
