package lab.runner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCatalogue;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The scenarios a command line names (run, matrix, explain), checked against the catalogue. */
final class ScenarioSelection {

    private ScenarioSelection() {}

    /** The scenarios named, or all of them; an unknown name is a usage error listing the known ones. */
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
                            "unknown scenario '" + id + "'; the catalogue has: "
                                    + catalogue.all().stream().map(Scenario::id).collect(Collectors.joining(", ")))));
        }
        return chosen;
    }

    /** The one scenario named. */
    static Scenario one(ScenarioCatalogue catalogue, String id, CommandSpec spec) {
        return select(catalogue, List.of(id), spec).get(0);
    }
}
