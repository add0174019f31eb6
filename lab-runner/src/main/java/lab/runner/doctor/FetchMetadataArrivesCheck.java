package lab.runner.doctor;

import com.microsoft.playwright.PlaywrightException;
import java.util.List;
import lab.runner.browser.BrowserEngine;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.journal.JournalEntry;

/**
 * Browsers send {@code Sec-Fetch-*} only to potentially trustworthy URLs (HTTPS, and localhost names over plain
 * HTTP). The {@code fetch-metadata} defence and every lesson that quotes {@code Sec-Fetch-Site} rest on the lab's
 * {@code *.localhost} origins counting as trustworthy; a real site on plain {@code http://} receives none, so
 * there the defence sees only clients without Fetch Metadata. Both halves are measured against the victim:
 * {@code http://social.localhost} (a typed navigation and a cross-site fetch) and a plain-HTTP name that the
 * browser maps to the same loopback server but that is not potentially trustworthy
 * ({@link BrowserEngine#PLAIN_HTTP_LOOPBACK_NAME}). Where the engine does not map that name, that half is reported
 * as not measured and does not fail the check.
 */
final class FetchMetadataArrivesCheck implements Check {

    private static final String PATH = "/api/public/posts";
    private static final String UNTRUSTWORTHY_HOST = BrowserEngine.PLAIN_HTTP_LOOPBACK_NAME;

    @Override
    public String name() {
        return "fetch-metadata-trustworthy-only";
    }

    @Override
    public String expected() {
        return "Sec-Fetch-Site and Sec-Fetch-Mode arrive at http://social.localhost (potentially trustworthy), on a"
                + " typed navigation and a cross-site fetch, and not at http://" + UNTRUSTWORTHY_HOST
                + " (plain HTTP, not trustworthy)";
    }

    @Override
    public CheckResult measure(Probe probe) {
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            long mark = probe.journalMark();
            page.open(probe.victimOrigin() + PATH);
            String plainHttp = "not measured (http://" + UNTRUSTWORTHY_HOST + " did not connect here)";
            boolean plainHttpHasNone = true;
            try {
                long before = probe.journalMark();
                page.open("http://" + UNTRUSTWORTHY_HOST + ":" + probe.victimPort() + PATH);
                List<JournalEntry> plain = probe.arrivedSince(before, PATH);
                if (!plain.isEmpty()) {
                    plainHttpHasNone =
                            plain.get(0).secFetchSite() == null && plain.get(0).secFetchMode() == null;
                    plainHttp = headers(plain.get(0));
                }
            } catch (PlaywrightException e) {
                // Keeps the default "not measured": the lab's own origins are what the lessons run on.
            }
            page.open(probe.attackerOriginAs("evil.localhost") + "/loot");
            // No credentials: only the headers are under test, and the public answer is readable.
            page.fetch(probe.victimOrigin() + PATH, false);
            List<JournalEntry> trustworthy = probe.arrivedSince(mark, PATH).stream()
                    .filter(e -> !e.host().startsWith(UNTRUSTWORTHY_HOST + ":"))
                    .toList();
            if (trustworthy.size() < 2) {
                return result(
                        false,
                        "the victim received " + trustworthy.size() + " of the 2 requests for " + PATH
                                + " at social.localhost");
            }
            boolean localhostHasThem =
                    trustworthy.stream().allMatch(e -> e.secFetchSite() != null && e.secFetchMode() != null);
            return result(
                    localhostHasThem && plainHttpHasNone,
                    "social.localhost, navigation: " + headers(trustworthy.get(0)) + "; fetch from evil.localhost: "
                            + headers(trustworthy.get(1)) + "; " + UNTRUSTWORTHY_HOST + ", navigation: " + plainHttp);
        }
    }

    private static String headers(JournalEntry entry) {
        return entry.secFetchSite() == null && entry.secFetchMode() == null
                ? "no Sec-Fetch-* headers"
                : "Sec-Fetch-Site: " + entry.secFetchSite() + ", Sec-Fetch-Mode: " + entry.secFetchMode();
    }
}
