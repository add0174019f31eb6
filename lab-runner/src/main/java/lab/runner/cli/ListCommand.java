package lab.runner.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ScenarioCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./lab list}: the scenario catalogue with each scenario's cases. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the scenarios and the cases each one runs.")
final class ListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Scenario scenario : ScenarioCatalogue.load().all()) {
            out.printf("%s: %s%n", scenario.id(), scenario.title());
            for (ScenarioCase scenarioCase : scenario.cases()) {
                out.printf("    %s -> %s%n", scenarioCase.conditions(), scenarioCase.expected());
            }
        }
        return ExitCodes.OK;
    }
}
