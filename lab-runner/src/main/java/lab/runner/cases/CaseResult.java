package lab.runner.cases;

import java.nio.file.Path;
import java.util.List;
import lab.runner.browser.BrowserInfo;
import lab.scenarios.Outcome;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.victim.journal.JournalEntry;

/**
 * One case as it ran: what the lesson expected, what the evidence says happened, that evidence, and what the
 * report shows beside it.
 *
 * @param journal    everything the victim received during the case, login included
 * @param screenshot the attacker's page when it finished (JPEG), or null when none was asked for
 * @param trace      the Playwright trace of a mismatching case's re-run, or null
 * @param millis     how long the case took, from setting the defences to the verdict
 * @param evidenceMissing the decisive evidence of the case that was not seen ({@link EvidenceCheck}); a case
 *                        whose outcome matches fails when this is not empty
 * @param engine     the engine that ran the case ({@code chromium}, {@code firefox}): the expectation is its
 * @param browser    the browser that ran it, by name, version and binary
 */
public record CaseResult(
        Scenario scenario,
        ScenarioCase scenarioCase,
        Verdict verdict,
        Evidence evidence,
        List<JournalEntry> journal,
        byte[] screenshot,
        Path trace,
        double millis,
        List<String> evidenceMissing,
        String engine,
        BrowserInfo browser) {

    public CaseResult {
        journal = List.copyOf(journal);
        evidenceMissing = List.copyOf(evidenceMissing);
    }

    /** This result with {@code trace}: the trace of the case's re-run, for a case that did not end as expected. */
    public CaseResult withTrace(Path trace) {
        return new CaseResult(
                scenario,
                scenarioCase,
                verdict,
                evidence,
                journal,
                screenshot,
                trace,
                millis,
                evidenceMissing,
                engine,
                browser);
    }

    /** The lesson's expected outcome in the engine that ran the case, or null in an exploratory (matrix) run. */
    public Outcome expected() {
        return scenarioCase.expected(engine);
    }

    public Outcome actual() {
        return verdict.outcome();
    }

    /** The case is as the lesson says: the expected outcome, reached with its decisive evidence. */
    public boolean matches() {
        return outcomeMatches() && evidenceMissing.isEmpty();
    }

    /** The expected outcome, whatever the evidence. */
    public boolean outcomeMatches() {
        return expected() == actual();
    }

    /** The outcome is the lesson's, but not for the lesson's reason: a failure of its own kind. */
    public boolean evidenceFailed() {
        return outcomeMatches() && !evidenceMissing.isEmpty();
    }

    public String name() {
        return scenario.caseName(scenarioCase);
    }
}
