package lab.runner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import lab.runner.LabCatalogue;
import lab.runner.LabSession;
import lab.runner.browser.BrowserOptions;
import lab.runner.cases.CaseResult;
import lab.runner.cases.CaseRunner;
import lab.runner.report.OutcomeMatrix;
import lab.runner.report.OutcomeTone;
import lab.runner.report.Terminal;
import lab.runner.report.TextReport;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Choice;
import lab.victim.defence.Defence;
import lab.victim.defence.Defences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./lab matrix [SCENARIO]}: a scenario under every value of the defences it declares relevant, in
 * every browser setting (and, with {@code --engine all}, in every engine side by side), as one table: the one a
 * trainer projects to compare defences.
 */
@Command(
        name = "matrix",
        mixinStandardHelpOptions = true,
        description = "Runs a scenario across every value of the defences it declares relevant (or those named with"
                + " --defences) under every third-party cookie setting, and prints the outcome matrix: rows are"
                + " defence combinations, columns browser settings (a group per engine with --engine all, cells"
                + " where the engines disagree marked), cells the outcome the real browser produced.")
final class MatrixCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(
            paramLabel = "SCENARIO",
            arity = "0..1",
            defaultValue = "cookie-theft",
            description = "The scenario (default: ${DEFAULT-VALUE}).")
    private String scenarioId;

    @Option(
            names = "--defences",
            paramLabel = "NAME[,NAME...]",
            split = ",",
            description = "The defences to cross (default: the scenario's own list, for example cors,samesite).")
    private List<String> defences;

    @Mixin
    private BrowserOption browser;

    @Mixin
    private EngineOption engine;

    @Override
    public Integer call() {
        ScenarioCatalogue catalogue = LabCatalogue.load();
        Scenario scenario = ScenarioSelection.one(catalogue, scenarioId, spec);
        List<Map<String, String>> rows = rows(defences == null ? scenario.matrix() : defences);
        PrintWriter out = spec.commandLine().getOut();
        List<String> engines = engine.engines(spec.commandLine().getErr());
        Map<String, Optional<Path>> executables = new LinkedHashMap<>();
        for (String key : engines) {
            executables.put(key, browser.locate(engine, key, BrowserOptions.HEADLESS, spec));
        }
        TextReport progress = new TextReport(out, Terminal.detect());
        List<CaseResult> results = new ArrayList<>();
        for (Map.Entry<String, Optional<Path>> each : executables.entrySet()) {
            try (LabSession session = LabSession.start(
                    catalogue, each.getKey(), each.getValue(), BrowserOptions.HEADLESS, Defences.WIDE_OPEN)) {
                progress.header(
                        session.browser().info(),
                        RunProgress.THIRD_PARTY_NOTE,
                        session.servers().victim().origin(),
                        session.servers().attacker().origin(),
                        rows.size() * ThirdPartyCookies.values().length);
                CaseRunner runner = new CaseRunner(session.servers(), session.browser(), Defences.WIDE_OPEN);
                for (Map<String, String> row : rows) {
                    for (ThirdPartyCookies browserSetting : ThirdPartyCookies.values()) {
                        ScenarioCase probe = ScenarioCase.probe(row, browserSetting);
                        progress.caseStarting(scenario.id() + ": " + probe.conditions());
                        CaseResult result = runner.run(scenario, probe);
                        if (session.closing()) {
                            return ExitCodes.INTERRUPTED;
                        }
                        results.add(result);
                    }
                }
            }
        }
        if (Terminal.detect().interactive()) {
            out.print("\r\u001b[K");
        }
        out.println(scenario.title());
        out.println();
        Terminal terminal = Terminal.detect();
        out.print(OutcomeMatrix.of(results).toText(terminal));
        if (terminal.colour()) {
            out.println();
            out.println(terminal.tone(OutcomeTone.ATTACK_WORKED, "red") + ": the attack worked; "
                    + terminal.tone(OutcomeTone.BLOCKED, "green") + ": it was stopped; plain: nothing private at"
                    + " stake.");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Every combination of the values of {@code names}, the first name varying slowest. */
    private List<Map<String, String>> rows(List<String> names) {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(new LinkedHashMap<>());
        for (String name : names) {
            Defence<?> defence;
            try {
                defence = Defence.byKey(name.strip());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--defences: " + e.getMessage());
            }
            List<String> values = defence.choices().stream()
                    .map(Choice::value)
                    .filter(v -> !v.equals("N"))
                    .toList();
            List<Map<String, String>> crossed = new ArrayList<>();
            for (Map<String, String> row : rows) {
                for (String value : values) {
                    Map<String, String> next = new LinkedHashMap<>(row);
                    next.put(defence.key(), value);
                    crossed.add(next);
                }
            }
            rows = crossed;
        }
        return rows;
    }
}
