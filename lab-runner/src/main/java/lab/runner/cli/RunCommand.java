package lab.runner.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import lab.runner.LabCatalogue;
import lab.runner.LabSession;
import lab.runner.browser.BrowserInfo;
import lab.runner.browser.BrowserLocator;
import lab.runner.browser.BrowserOptions;
import lab.runner.cases.CaseObserver;
import lab.runner.cases.CaseResult;
import lab.runner.cases.CaseRunner;
import lab.runner.cases.CatalogueRun;
import lab.runner.doctor.CheckResult;
import lab.runner.doctor.Doctor;
import lab.runner.doctor.DriftCache;
import lab.runner.guide.Narrator;
import lab.runner.report.HtmlReport;
import lab.runner.report.JsonReport;
import lab.runner.report.Terminal;
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
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Runs each scenario under every defence combination its table lists, in headless Chromium, and"
                + " prints one line per case: the conditions, the expected and the actual outcome, and the evidence"
                + " that decided it. Servers listen on free loopback ports for the length of the run.")
final class RunCommand implements Callable<Integer> {

    static final String THIRD_PARTY_NOTE = "Third-party cookies are a browser setting, given per case: allowed (a"
            + " normal Chrome window) or blocked (Incognito, Safari, Firefox).";

    @Spec
    private CommandSpec spec;

    @Parameters(
            paramLabel = "SCENARIO",
            arity = "0..*",
            description = "Scenarios to run (default: all; see ./lab list).")
    private List<String> scenarioIds = new ArrayList<>();

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "Also write the results, with their evidence, as JSON.")
    private Path json;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            description = "Also write an HTML report to DIR/index.html, with a screenshot per case and the Playwright"
                    + " trace of any mismatching case. It opens offline, from the file system.")
    private Path report;

    @Option(
            names = "--step",
            description = "Guided mode: narrate each step of each case and wait for Enter between steps.")
    private boolean step;

    @Option(names = "--headed", description = "Show the browser window (needs a display).")
    private boolean headed;

    @Option(
            names = "--slow-mo",
            paramLabel = "MS",
            defaultValue = "0",
            description = "Slow every browser operation down by MS milliseconds (with --headed, for a room to follow).")
    private double slowMo;

    @Option(
            names = "--workers",
            paramLabel = "N",
            defaultValue = "${sys:lab.workers:-0}",
            description = "Cases to run at once, each worker with its own servers and browser (default: one per core,"
                    + " at most 4). Outcomes do not depend on it.")
    private int workers;

    @Option(
            names = "--browser",
            paramLabel = "PATH",
            description =
                    "The Chromium binary to drive (default: /usr/bin/chromium if present, else Playwright's own).")
    private Path browser;

    @Override
    public Integer call() throws IOException {
        if (workers == 0) {
            workers = CatalogueRun.defaultWorkers();
        }
        ScenarioCatalogue catalogue = LabCatalogue.load();
        List<Scenario> scenarios = select(catalogue, scenarioIds, spec);
        BrowserOptions browserOptions;
        try {
            browserOptions = new BrowserOptions(headed, slowMo);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Optional<Path> executable = BrowserLocator.locate(Optional.ofNullable(browser), browserOptions);
        int caseCount = scenarios.stream().mapToInt(s -> s.cases().size()).sum();

        TextReport text = new TextReport(spec.commandLine().getOut(), step ? Terminal.PLAIN : Terminal.detect());
        Narrator narrator = step
                ? new Narrator(
                        spec.commandLine().getOut(),
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)))
                : null;
        // One narrator, one window: guided and headed runs go case by case.
        int workerCount = step || headed ? 1 : workers;
        if (workerCount < 1) {
            throw new ParameterException(spec.commandLine(), "--workers must be 1 or more");
        }
        List<CatalogueRun.Job> jobs = new ArrayList<>();
        scenarios.forEach(s -> s.cases().forEach(c -> jobs.add(new CatalogueRun.Job(s, c))));
        AtomicReference<BrowserInfo> browserInfo = new AtomicReference<>();
        List<CaseResult> results;
        try {
            results = CatalogueRun.run(
                    jobs,
                    workerCount,
                    () -> LabSession.start(catalogue, executable, browserOptions, Defences.WIDE_OPEN),
                    session -> {
                        CaseRunner runner = new CaseRunner(session.servers(), session.browser(), Defences.WIDE_OPEN)
                                .observedBy(observer(narrator));
                        return report == null
                                ? runner
                                : runner.keepingTracesOfMismatchesIn(report.resolve(HtmlReport.TRACES));
                    },
                    new CatalogueRun.Listener() {
                        @Override
                        public void workerReady(int worker, LabSession session) {
                            if (browserInfo.compareAndSet(
                                    null, session.browser().info())) {
                                text.header(
                                        browserInfo.get(),
                                        THIRD_PARTY_NOTE + " Workers: " + workerCount
                                                + ", each with its own victim, attacker and browser.",
                                        session.servers().victim().origin(),
                                        session.servers().attacker().origin(),
                                        caseCount);
                                checkForDrift(session, text);
                            }
                        }

                        @Override
                        public void caseStarting(CatalogueRun.Job job) {
                            text.caseStarting(job.scenario().caseName(job.scenarioCase()));
                            if (narrator != null) {
                                narrator.caseStarting(job.scenario(), job.scenarioCase());
                            }
                        }

                        @Override
                        public void caseFinished(CaseResult result) {
                            if (narrator != null) {
                                narrator.caseFinished(result);
                            }
                            text.caseFinished(result);
                        }
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        }
        if (results.size() < jobs.size()) {
            return ExitCodes.INTERRUPTED;
        }
        text.summary(results);
        if (json != null) {
            JsonReport.write(json, browserInfo.get(), results);
            spec.commandLine().getOut().println("JSON results written to " + json);
        }
        if (report != null) {
            Path index = new HtmlReport().write(report, browserInfo.get(), results);
            spec.commandLine().getOut().println("HTML report written to " + index.toAbsolutePath());
        }
        return results.stream().allMatch(CaseResult::matches) ? ExitCodes.OK : ExitCodes.MISMATCH;
    }

    /**
     * Before trusting the lessons' expectations, checks that this browser still behaves as they assume (the
     * other workers start meanwhile). A browser that passed before is not measured again until it changes.
     */
    private static void checkForDrift(LabSession session, TextReport text) {
        DriftCache cache = DriftCache.inUserCache();
        BrowserInfo browser = session.browser().info();
        if (cache.passedBefore(browser)) {
            return;
        }
        List<CheckResult> failed = Doctor.quickChecks(session).stream()
                .filter(check -> !check.passed())
                .toList();
        failed.forEach(check -> text.warning("browser drift: " + check.name() + ": expected " + check.expected()
                + "; observed " + check.observed() + ". Outcomes may differ from the lessons; run ./lab doctor."));
        if (failed.isEmpty()) {
            cache.rememberPassed(browser);
        }
    }

    /** Screenshots only when a report will show them: they cost time on every case. */
    private CaseObserver observer(Narrator narrator) {
        boolean screenshots = report != null;
        return new CaseObserver() {
            @Override
            public void step(Scenario scenario, ScenarioCase scenarioCase, Step step, String text) {
                if (narrator != null) {
                    narrator.step(scenario, scenarioCase, step, text);
                }
            }

            @Override
            public boolean followsSteps() {
                return narrator != null;
            }

            @Override
            public boolean wantsScreenshot() {
                return screenshots;
            }
        };
    }

    /** The scenarios named on the command line, or all of them; an unknown name is a usage error listing the known ones. */
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
}
