package lab.runner.report;

import java.util.List;
import java.util.Map;
import lab.runner.browser.BrowserInfo;
import lab.runner.cases.CaseResult;
import lab.runner.cases.Evidence;
import lab.runner.cases.Verdict;
import lab.scenarios.Engines;
import lab.scenarios.Outcome;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.journal.JournalEntry;

/** A cookie-theft case's result as the runner would return it, for the tests of what a person reads. */
public final class SampleResults {

    private SampleResults() {}

    public static final BrowserInfo CHROMIUM =
            new BrowserInfo("Chromium headless shell", "156.0", "/usr/bin/chromium-headless-shell");

    private static final Scenario THEFT =
            ScenarioCatalogue.load().find("cookie-theft").orElseThrow();

    public static CaseResult result(Outcome expected, Outcome actual, ThirdPartyCookies browser) {
        JournalEntry received =
                JournalEntry.observed("GET", "/api/me", "http://evil.localhost:7002", true, "alice", 200);
        Evidence evidence = new Evidence(
                List.of("error: Access ... has been blocked by CORS policy: No header"),
                "error: Access ... has been blocked by CORS policy: No header",
                "failed",
                "TypeError: Failed to fetch",
                received,
                null,
                false,
                false,
                false,
                null);
        Map<String, String> defences = new java.util.LinkedHashMap<>();
        defences.put("cors", "off");
        defences.put("samesite", "none");
        return new CaseResult(
                THEFT,
                new ScenarioCase(defences, browser, expected),
                new Verdict(actual, "the evidence"),
                evidence,
                List.of(),
                null,
                null,
                300,
                List.of(),
                Engines.CHROMIUM,
                CHROMIUM);
    }
}
