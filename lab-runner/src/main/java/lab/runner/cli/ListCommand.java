package lab.runner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import lab.runner.LabCatalogue;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./lab list}: the scenario catalogue with each scenario's cases. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the scenarios and the cases each one runs.")
final class ListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private JsonPrintOption json;

    record CaseView(
            String name,
            String attackerHost,
            java.util.Map<String, String> defences,
            String thirdPartyCookies,
            String expected) {}

    record ScenarioView(
            String id,
            String title,
            String kind,
            String story,
            List<String> steps,
            String attackerHost,
            String target,
            List<CaseView> cases) {}

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        List<Scenario> scenarios = LabCatalogue.load().all();
        if (json.asJson()) {
            List<ScenarioView> views = scenarios.stream().map(ListCommand::view).toList();
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(views));
            return ExitCodes.OK;
        }
        int total = 0;
        for (Scenario scenario : scenarios) {
            out.printf("%s: %s%n", scenario.id(), scenario.title());
            for (ScenarioCase scenarioCase : scenario.cases()) {
                out.printf("    %s -> %s%n", scenarioCase.conditions(), scenarioCase.expected());
            }
            total += scenario.cases().size();
        }
        out.printf("%n%d scenarios, %d cases.%n", scenarios.size(), total);
        return ExitCodes.OK;
    }

    private static ScenarioView view(Scenario s) {
        List<CaseView> cases = s.cases().stream()
                .map(c -> new CaseView(
                        s.caseName(c),
                        s.attackerHostFor(c),
                        c.defences(),
                        c.thirdPartyCookies().key(),
                        c.expected().name()))
                .toList();
        return new ScenarioView(
                s.id(),
                s.title(),
                s.kind().key(),
                s.story(),
                s.steps(),
                s.attackerHost(),
                s.target().toString(),
                cases);
    }
}
