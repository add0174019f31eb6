package lab.runner.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import lab.runner.LabCatalogue;
import lab.runner.report.Terminal;
import lab.runner.report.TerminalMarkdown;
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
                + " the lab runs for it, numbered for --case, and their expected outcomes. On a terminal the"
                + " Markdown is rendered (headings, aligned tables); piped, it is the same text without colour.")
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
        StringBuilder lesson = new StringBuilder(catalogue.lesson(scenario.id()).strip());
        lesson.append("\n\n## The cases the lab runs (./lab run ")
                .append(scenario.id())
                .append(" --case N)\n\n");
        List<ScenarioCase> cases = scenario.cases();
        for (int i = 0; i < cases.size(); i++) {
            lesson.append(i + 1).append(". ").append(cases.get(i).conditions()).append(" -> ");
            lesson.append(cases.get(i).expected()).append('\n');
        }
        out.print(new TerminalMarkdown(Terminal.detect(), width()).render(lesson.toString()));
        out.flush();
        return ExitCodes.OK;
    }

    /** The terminal's width where the shell exports it ({@code COLUMNS}), else 100 columns. */
    private static int width() {
        try {
            return Math.max(60, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100")));
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
