package lab.runner.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import lab.runner.LabSession;
import lab.runner.browser.BrowserLocator;
import lab.runner.cases.CaseResult;
import lab.runner.cases.CaseRunner;
import lab.runner.report.JsonReport;
import lab.runner.report.TextReport;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./lab run}: every case of the chosen scenarios, in the real browser, against its expected outcome. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs each scenario under every defence combination its table lists, in headless Chromium, and prints one line per case: the conditions, the expected and the actual outcome, and the evidence that decided it. Servers listen on free loopback ports for the length of the run.")
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "Scenarios to run (default: all; see ./lab list).")
    private List<String> scenarioIds = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results, with their evidence, as JSON.")
    private Path json;

    @Option(names = "--browser", paramLabel = "PATH",
            description = "The Chromium binary to drive (default: /usr/bin/chromium if present, else Playwright's own).")
    private Path browser;

    @Override
    public Integer call() throws IOException {
        ScenarioCatalogue catalogue = ScenarioCatalogue.load();
        List<Scenario> scenarios = select(catalogue);
        Optional<Path> executable = BrowserLocator.locate(Optional.ofNullable(browser));
        int caseCount = scenarios.stream().mapToInt(s -> s.cases().size()).sum();

        TextReport report = new TextReport(spec.commandLine().getOut());
        List<CaseResult> results = new ArrayList<>();
        try (LabSession session = LabSession.start(catalogue, executable, Defences.WIDE_OPEN)) {
            report.header(session.browser().info(), session.servers().victim().origin(),
                    session.servers().attacker().origin(), caseCount);
            CaseRunner runner = new CaseRunner(session.servers(), session.browser(), Defences.WIDE_OPEN);
            for (Scenario scenario : scenarios) {
                for (ScenarioCase scenarioCase : scenario.cases()) {
                    CaseResult result = runner.run(scenario, scenarioCase);
                    if (session.closing()) {
                        // Ctrl-C: the browser was stopped under the case, so its result says nothing.
                        return ExitCodes.INTERRUPTED;
                    }
                    results.add(result);
                    report.caseFinished(result);
                }
            }
            report.summary(results);
            if (json != null) {
                JsonReport.write(json, session.browser().info(), results);
                spec.commandLine().getOut().println("JSON results written to " + json);
            }
        }
        return results.stream().allMatch(CaseResult::matches) ? ExitCodes.OK : ExitCodes.MISMATCH;
    }

    private List<Scenario> select(ScenarioCatalogue catalogue) {
        if (scenarioIds.isEmpty()) {
            return catalogue.all();
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String id : scenarioIds) {
            chosen.add(catalogue.find(id).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "unknown scenario '" + id + "'; the catalogue has: "
                            + catalogue.all().stream().map(Scenario::id).collect(Collectors.joining(", ")))));
        }
        return chosen;
    }
}
