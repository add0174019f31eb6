package lab.runner.doctor;

import java.util.List;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.journal.JournalEntry;

/**
 * Which attacker names count as the victim's own site. The sibling-subdomain and same-site-ports lessons
 * rest on ports and subdomains being same-site, every other lesson on {@code evil.localhost} being
 * cross-site; the browser says which in {@code Sec-Fetch-Site}, and the victim's journal records it.
 */
final class SecFetchSiteCheck implements Check {

    private static final String PATH = "/api/public/posts";

    private final String name;
    private final String attackerHost;
    private final String expectedSite;
    private final String why;

    /**
     * @param attackerHost the name the attacker's page is opened under (always on the attacker's port)
     * @param expectedSite the {@code Sec-Fetch-Site} the lessons assume for it
     * @param why          what the name stands for, as the report words it after the name
     */
    SecFetchSiteCheck(String name, String attackerHost, String expectedSite, String why) {
        this.name = name;
        this.attackerHost = attackerHost;
        this.expectedSite = expectedSite;
        this.why = why;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String expected() {
        return "a fetch from " + attackerHost + " " + why + " arrives as Sec-Fetch-Site: " + expectedSite;
    }

    @Override
    public CheckResult measure(Probe probe) {
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            String pageOrigin = probe.attackerOriginAs(attackerHost);
            page.open(pageOrigin + "/loot");
            long mark = probe.journalMark();
            // No credentials: the site relation alone is under test, and the public answer is readable.
            page.fetch(probe.victimOrigin() + PATH, false);
            List<JournalEntry> arrived = probe.arrivedSince(mark, PATH);
            if (arrived.isEmpty()) {
                return result(false, "the victim received no request for " + PATH + " from " + pageOrigin);
            }
            JournalEntry entry = arrived.get(0);
            return result(
                    expectedSite.equals(entry.secFetchSite()),
                    "GET " + PATH + " from a page at " + pageOrigin + " arrived with Sec-Fetch-Site: "
                            + entry.secFetchSite());
        }
    }
}
