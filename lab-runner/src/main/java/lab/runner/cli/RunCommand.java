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
import lab.runner.guide.CaseNumbers;
import lab.runner.guide.GuidedRun;
import lab.runner.guide.Narrator;
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

    @Mixin
    private ReportOptions report;

    @Option(
            names = "--step",
            description = "Guided mode, one case at a time: before each case, Enter runs it, s skips it, q quits; its"
                    + " steps and evidence are then told as they happen. With one SCENARIO and no --case, it first"
                    + " lists the cases to pick from.")
    private boolean step;

    @Option(
            names = "--case",
            paramLabel = "N[,N-M...]",
            description = "Only these cases of the one SCENARIO named, counted from 1 as ./lab explain and --step"
                    + " list them, for example --case 2 or --case 1,3-5.")
    private String caseNumbers;

    @Mixin
    private WindowOptions window;

    @Option(
            names = "--workers",
            paramLabel = "N",
            defaultValue = "${sys:lab.workers}",
            description = "Cases to run at once, 1 or more, each worker with its own servers and browser (default:"
                    + " one per core, at most 4). Outcomes do not depend on it.")
    private Integer workers;

    @Mixin
    private BrowserOption browser;

    @Mixin
    private EngineOption engine;

    @Override
    public Integer call() throws IOException {
        report.check(spec);
        Path traces = report.traces();
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
        if (workers != null && workers < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--workers " + workers + ": give 1 or more (leave it out for one per core)");
        }
        int workerCount = step || window.headed() ? 1 : workers == null ? CatalogueRun.defaultWorkers() : workers;
        Narrator narrator = narrator();
        List<CatalogueRun.Job> jobs = jobs(scenarios, narrator);
        if (jobs == null) {
            return ExitCodes.OK;
        }

        // Guided mode: no progress line under the narrator's questions, but colour where the terminal shows it.
        Terminal terminal = step ? new Terminal(false, Terminal.detect().colour()) : Terminal.detect();
        TextReport text = new TextReport(spec.commandLine().getOut(), terminal).namingEngines(engines.size() > 1);
        List<CaseResult> results = new ArrayList<>();
        for (Map.Entry<String, Optional<Path>> each : executables.entrySet()) {
            RunProgress progress = new RunProgress(text, narrator, workerCount, jobs.size());
            List<CaseResult> engineResults;
            try {
                engineResults = narrator != null
                        ? guided(jobs, each, catalogue, browserOptions, progress, narrator, traces)
                        : CatalogueRun.run(
                                jobs,
                                workerCount,
                                () -> LabSession.start(
                                        catalogue, each.getKey(), each.getValue(), browserOptions, Defences.WIDE_OPEN),
                                session -> runner(session, progress, traces),
                                progress);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.INTERRUPTED;
            }
            if (engineResults == null || (narrator == null && engineResults.size() < jobs.size())) {
                return ExitCodes.INTERRUPTED;
            }
            results.addAll(engineResults);
        }
        writeReports(text, results);
        return results.stream().noneMatch(CaseResult::failed) ? ExitCodes.OK : ExitCodes.MISMATCH;
    }

    /** The narrator of a guided run, reading the trainer's answers from the terminal; null otherwise. */
    private Narrator narrator() {
        return step
                ? new Narrator(
                        spec.commandLine().getOut(),
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                        Terminal.detect())
                : null;
    }

    /**
     * The cases to run: every case of the scenarios, or those {@code --case} names, or in guided mode on a
     * terminal those the trainer picks from the list; null when the trainer quits at the list.
     */
    private List<CatalogueRun.Job> jobs(List<Scenario> scenarios, Narrator narrator) {
        List<Integer> picked = List.of();
        if (caseNumbers != null) {
            if (scenarios.size() != 1 || scenarioIds.isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--case needs exactly one SCENARIO, such as"
                                + " ./lab run cookie-theft --case 2 (the numbers are that scenario's)");
            }
            try {
                picked = CaseNumbers.parse(caseNumbers, scenarios.get(0).cases().size());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--case " + caseNumbers + ": " + e.getMessage() + " (./lab explain "
                                + scenarios.get(0).id() + " lists them)");
            }
        } else if (narrator != null && scenarios.size() == 1 && System.console() != null) {
            picked = narrator.pick(scenarios.get(0));
            if (picked == null) {
                return null;
            }
        }
        List<CatalogueRun.Job> jobs = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            List<lab.scenarios.ScenarioCase> cases = scenario.cases();
            for (int i = 0; i < cases.size(); i++) {
                if (picked.isEmpty() || picked.contains(i)) {
                    jobs.add(new CatalogueRun.Job(scenario, cases.get(i)));
                }
            }
        }
        return jobs;
    }

    /** A guided run of one engine: one lab, case by case at the trainer's word. */
    private List<CaseResult> guided(
            List<CatalogueRun.Job> jobs,
            Map.Entry<String, Optional<Path>> engine,
            ScenarioCatalogue catalogue,
            BrowserOptions browserOptions,
            RunProgress progress,
            Narrator narrator,
            Path traces) {
        try (LabSession session =
                LabSession.start(catalogue, engine.getKey(), engine.getValue(), browserOptions, Defences.WIDE_OPEN)) {
            progress.workerReady(1, session);
            return GuidedRun.run(jobs, session, runner(session, progress, traces), narrator);
        }
    }

    /** A worker's runner; screenshots and traces cost time on every case, so only a report asks for them. */
    private CaseRunner runner(LabSession session, RunProgress progress, Path traces) {
        CaseRunner runner = new CaseRunner(session.servers(), session.browser(), Defences.WIDE_OPEN)
                .observedBy(progress.observer(report.any()));
        return traces == null ? runner : runner.keepingTracesOfMismatchesIn(traces);
    }

    private void writeReports(TextReport text, List<CaseResult> results) throws IOException {
        text.summary(results);
        if (json.file().isPresent()) {
            JsonReport.write(json.file().get(), results);
            spec.commandLine()
                    .getOut()
                    .println("JSON results written to " + json.file().get());
        }
        report.write(results, spec.commandLine().getOut());
    }
}
