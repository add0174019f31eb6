package lab.runner.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import lab.runner.cases.CatalogueRun;
import lab.runner.guide.Narrator;
import lab.runner.report.HtmlReport;
import lab.runner.report.JsonReport;
import lab.runner.report.Terminal;
import lab.runner.report.TextReport;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./lab run}: every case of the chosen scenarios, in the real browser, against its expected outcome. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Runs each scenario under every defence combination its table lists, in headless Chromium (or"
                + " Firefox, or both: --engine), and"
                + " prints one line per case: the conditions, the expected and the actual outcome, and the evidence"
                + " that decided it. Servers listen on free loopback ports for the length of the run.")
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(
            paramLabel = "SCENARIO",
            arity = "0..*",
            description = "Scenarios to run (default: all; see ./lab list).")
    private List<String> scenarioIds = new ArrayList<>();

    @Mixin
    private JsonFileOption json;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            description = "Also write an HTML report to DIR/index.html, with a screenshot per case and the Playwright"
                    + " trace of any mismatching case. It opens offline, from the file system. "
                    + ReportDirectory.RULE)
    private Path report;

    @Option(
            names = "--step",
            description = "Guided mode: narrate each step of each case and wait for Enter between steps.")
    private boolean step;

    @Mixin
    private WindowOptions window;

    @Option(
            names = "--workers",
            paramLabel = "N",
            defaultValue = "${sys:lab.workers:-0}",
            description = "Cases to run at once, each worker with its own servers and browser (default: one per core,"
                    + " at most 4). Outcomes do not depend on it.")
    private int workers;

    @Mixin
    private BrowserOption browser;

    @Mixin
    private EngineOption engine;

    @Override
    public Integer call() throws IOException {
        if (report != null) {
            ReportDirectory.check(spec, report);
        }
        ScenarioCatalogue catalogue = LabCatalogue.load();
        List<Scenario> scenarios = ScenarioSelection.select(catalogue, scenarioIds, spec);
        BrowserOptions browserOptions = window.browserOptions();
        List<String> engines = engine.engines(spec.commandLine().getErr());
        // Every browser is found before any runs: a missing one fails now, not after a whole engine's run.
        Map<String, Optional<Path>> executables = new LinkedHashMap<>();
        for (String key : engines) {
            executables.put(key, browser.locate(engine, key, browserOptions, spec));
        }
        // One narrator, one window: guided and headed runs go case by case.
        int workerCount = step || window.headed() ? 1 : workers == 0 ? CatalogueRun.defaultWorkers() : workers;
        if (workerCount < 1) {
            throw new ParameterException(spec.commandLine(), "--workers must be 1 or more");
        }
        List<CatalogueRun.Job> jobs = new ArrayList<>();
        scenarios.forEach(s -> s.cases().forEach(c -> jobs.add(new CatalogueRun.Job(s, c))));

        TextReport text = new TextReport(spec.commandLine().getOut(), step ? Terminal.PLAIN : Terminal.detect())
                .namingEngines(engines.size() > 1);
        Narrator narrator = narrator();
        List<CaseResult> results = new ArrayList<>();
        for (Map.Entry<String, Optional<Path>> each : executables.entrySet()) {
            RunProgress progress = new RunProgress(text, narrator, workerCount, jobs.size());
            List<CaseResult> engineResults;
            try {
                engineResults = CatalogueRun.run(
                        jobs,
                        workerCount,
                        () -> LabSession.start(
                                catalogue, each.getKey(), each.getValue(), browserOptions, Defences.WIDE_OPEN),
                        session -> runner(session, progress),
                        progress);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.INTERRUPTED;
            }
            if (engineResults.size() < jobs.size()) {
                return ExitCodes.INTERRUPTED;
            }
            results.addAll(engineResults);
        }
        writeReports(text, results);
        return results.stream().noneMatch(CaseResult::failed) ? ExitCodes.OK : ExitCodes.MISMATCH;
    }

    /** The narrator of a guided run, reading Enter from the terminal; null otherwise. */
    private Narrator narrator() {
        return step
                ? new Narrator(
                        spec.commandLine().getOut(),
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)))
                : null;
    }

    /** A worker's runner; screenshots and traces cost time on every case, so only a report asks for them. */
    private CaseRunner runner(LabSession session, RunProgress progress) {
        CaseRunner runner = new CaseRunner(session.servers(), session.browser(), Defences.WIDE_OPEN)
                .observedBy(progress.observer(report != null));
        return report == null ? runner : runner.keepingTracesOfMismatchesIn(report.resolve(HtmlReport.TRACES));
    }

    private void writeReports(TextReport text, List<CaseResult> results) throws IOException {
        text.summary(results);
        if (json.file().isPresent()) {
            JsonReport.write(json.file().get(), results);
            spec.commandLine()
                    .getOut()
                    .println("JSON results written to " + json.file().get());
        }
        if (report != null) {
            Path index = new HtmlReport().write(report, results);
            spec.commandLine().getOut().println("HTML report written to " + index.toAbsolutePath());
        }
    }
}
