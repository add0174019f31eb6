package lab.runner.cases;

import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;

/**
 * Follows a case as it runs: the guided mode narrates each step and waits for the trainer, the report asks
 * for a screenshot. Every method has a do-nothing default.
 */
public interface CaseObserver {

    CaseObserver NONE = new CaseObserver() {};

    /** One step of a case, in words, as it happens (Alice logs in, opens the page, what the page showed). */
    default void step(Scenario scenario, ScenarioCase scenarioCase, String text) {}

    /** Whether {@link #step} does anything: some step texts cost a round trip to the browser to write. */
    default boolean followsSteps() {
        return false;
    }

    /**
     * Whether Alice logs in through the form in every case. Otherwise a login is made once per browser profile
     * and SameSite setting, and its real cookie is put back in the browser for the next cases (a person who
     * stays logged in), which saves the password hashing and two page loads per case.
     */
    default boolean wantsFreshLogin() {
        return false;
    }

    /** Whether to keep a PNG of the attacker's page at the moment it finished. */
    default boolean wantsScreenshot() {
        return false;
    }
}
