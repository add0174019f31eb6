package lab.scenarios;

import java.util.List;
import java.util.Objects;

/**
 * A lesson: a short story, the steps the browser goes through, the attacker page it needs and the cases to
 * run, each with its expected outcome.
 *
 * @param attackPage file name, inside the scenario's folder, of the page the attacker site serves for it
 */
public record Scenario(String id, String title, String story, List<String> steps, String attackPage,
                       List<ScenarioCase> cases) {

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(attackPage, "attackPage");
        steps = List.copyOf(Objects.requireNonNullElse(steps, List.of()));
        cases = List.copyOf(Objects.requireNonNullElse(cases, List.of()));
    }

    /** The name a case goes by in reports and test lists: {@code cookie-theft: cors=off, ... -> READ_BLOCKED}. */
    public String caseName(ScenarioCase scenarioCase) {
        return id + ": " + scenarioCase.conditions() + " -> " + scenarioCase.expected();
    }
}
