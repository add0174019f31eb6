package lab.runner.cases;

import lab.scenarios.Outcome;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;

/** One case as it ran: what the lesson expected, what the evidence says happened, and that evidence. */
public record CaseResult(Scenario scenario, ScenarioCase scenarioCase, Verdict verdict, Evidence evidence) {

    public Outcome expected() {
        return scenarioCase.expected();
    }

    public Outcome actual() {
        return verdict.outcome();
    }

    public boolean matches() {
        return expected() == actual();
    }

    public String name() {
        return scenario.caseName(scenarioCase);
    }
}
