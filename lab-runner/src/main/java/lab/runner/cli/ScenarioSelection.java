package lab.runner.cli;

import java.util.ArrayList;
import java.util.List;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.DidYouMean;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The scenarios a command line names (run, matrix, explain), checked against the catalogue. */
final class ScenarioSelection {

    private ScenarioSelection() {}

    /** The scenarios named, or all of them; an unknown name is a usage error asking "did you mean". */
    static List<Scenario> select(ScenarioCatalogue catalogue, List<String> ids, CommandSpec spec) {
        if (ids.isEmpty()) {
            return catalogue.all();
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String id : ids) {
            chosen.add(catalogue
                    .find(id)
                    .orElseThrow(() -> new ParameterException(
                            spec.commandLine(),
                            DidYouMean.unknown(
                                    "scenario",
                                    id,
                                    catalogue.all().stream().map(Scenario::id).toList()))));
        }
        return chosen;
    }

    /** The one scenario named. */
    static Scenario one(ScenarioCatalogue catalogue, String id, CommandSpec spec) {
        return select(catalogue, List.of(id), spec).get(0);
    }
}
