package lab.runner.report;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lab.runner.cases.CaseResult;
import lab.scenarios.Engines;
import lab.scenarios.Outcome;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;

/** The cases a run of several engines saw end differently, in the catalogue's order, with the lesson's reason. */
public final class Disagreements {

    /**
     * One case the engines disagree on.
     *
     * @param outcomes what each engine's run ended in, in the order the engines ran
     * @param why      the lesson's reason ({@code whyEnginesDiffer}), or null when the lesson does not expect it
     */
    public record Disagreement(
            Scenario scenario, ScenarioCase scenarioCase, Map<String, Outcome> outcomes, String why) {

        /** {@code cookie-theft [samesite=unset, ...]: Chromium COOKIE_WITHHELD, Firefox STOLEN — no Lax by default}. */
        public String line() {
            String byEngine = outcomes.entrySet().stream()
                    .map(e -> Engines.displayName(e.getKey()) + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            return scenario.id() + " [" + scenarioCase.conditions() + "]: " + byEngine + " \u2014 "
                    + (why == null ? "not expected by the lesson: read both cases above" : why);
        }
    }

    private Disagreements() {}

    /** The cases run in more than one engine whose outcomes differ. */
    public static List<Disagreement> in(List<CaseResult> results) {
        Map<ScenarioCase, Map<String, Outcome>> byCase = new IdentityHashMap<>();
        List<CaseResult> firstOfEach = new ArrayList<>();
        for (CaseResult result : results) {
            if (result.notApplicable()) {
                // An engine that cannot express a case gives no outcome to disagree with.
                continue;
            }
            Map<String, Outcome> outcomes = byCase.get(result.scenarioCase());
            if (outcomes == null) {
                outcomes = new LinkedHashMap<>();
                byCase.put(result.scenarioCase(), outcomes);
                firstOfEach.add(result);
            }
            outcomes.put(result.engine(), result.actual());
        }
        List<Disagreement> disagreements = new ArrayList<>();
        for (CaseResult first : firstOfEach) {
            Map<String, Outcome> outcomes = byCase.get(first.scenarioCase());
            if (outcomes.values().stream().distinct().count() > 1) {
                disagreements.add(new Disagreement(
                        first.scenario(),
                        first.scenarioCase(),
                        outcomes,
                        first.scenarioCase().whyEnginesDiffer()));
            }
        }
        return disagreements;
    }

    /** Whether the results come from more than one engine. */
    public static boolean severalEngines(List<CaseResult> results) {
        return results.stream().map(CaseResult::engine).distinct().count() > 1;
    }
}
