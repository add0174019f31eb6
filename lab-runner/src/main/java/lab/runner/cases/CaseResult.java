package lab.runner.cases;

import java.nio.file.Path;
import java.util.List;
import lab.runner.browser.BrowserInfo;
import lab.scenarios.Engines;
import lab.scenarios.Outcome;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.victim.journal.JournalEntry;

/**
 * One case as it ran: what the lesson expected, what the evidence says happened, that evidence, and what the
 * report shows beside it.
 *
 * @param journal    everything the victim received during the case, login included
 * @param screenshot the attacker's page when it finished (PNG), or null when none was asked for
 * @param trace      the Playwright trace kept for a mismatching case, or null
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

    /**
     * A case its engine cannot express ({@code notApplicable} in scenario.json): not run there, with the reason as
     * its verdict. It counts neither as passed nor as failed.
     */
    public static CaseResult notApplicable(
            Scenario scenario, ScenarioCase scenarioCase, String engine, BrowserInfo browser, String reason) {
        return new CaseResult(
                scenario,
                scenarioCase,
                new Verdict(Outcome.NOT_APPLICABLE, "not applicable in " + Engines.displayName(engine) + ": " + reason),
                new Evidence(List.of(), null, null, null, null, null, false, false, false, null),
                List.of(),
                null,
                null,
                0,
                List.of(),
                engine,
                browser);
    }

    /**
     * The lesson's expected outcome in the engine that ran the case ({@code NOT_APPLICABLE} where it cannot run), or
     * null in an exploratory (matrix) run.
     */
    public Outcome expected() {
        return notApplicable() ? Outcome.NOT_APPLICABLE : scenarioCase.expected(engine);
    }

    /** The case was not run in this engine, which cannot express it; {@link #verdict()} says why. */
    public boolean notApplicable() {
        return verdict.outcome() == Outcome.NOT_APPLICABLE;
    }

    /** A case that ran and is not as the lesson says; a case not applicable in its engine never fails. */
    public boolean failed() {
        return !notApplicable() && !matches();
    }

    public Outcome actual() {
        return verdict.outcome();
    }

    /**
     * The case is as the lesson says: the expected outcome, reached with its decisive evidence. False for a case not
     * applicable in its engine, which neither passes nor fails ({@link #failed()}).
     */
    public boolean matches() {
        return !notApplicable() && outcomeMatches() && evidenceMissing.isEmpty();
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
