package lab.runner.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import lab.runner.LabCatalogue;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ScenarioCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./lab explain SCENARIO}: the lesson, with the cases the lab runs for it. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Prints a scenario's lesson: what happens, why, what closes it and what does not, with the cases"
                + " the lab runs for it and their expected outcomes.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "The scenario to explain (see ./lab list).")
    private String scenarioId;

    @Override
    public Integer call() {
        ScenarioCatalogue catalogue = LabCatalogue.load();
        Scenario scenario = ScenarioSelection.one(catalogue, scenarioId, spec);
        PrintWriter out = spec.commandLine().getOut();
        out.println(catalogue.lesson(scenario.id()).strip());
        out.println();
        out.println("## The cases the lab runs (./lab run " + scenario.id() + ")");
        out.println();
        for (ScenarioCase scenarioCase : scenario.cases()) {
            out.printf("- %s -> %s%n", scenarioCase.conditions(), scenarioCase.expected());
        }
        return ExitCodes.OK;
    }
}
