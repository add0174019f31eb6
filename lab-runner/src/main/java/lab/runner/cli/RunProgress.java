package lab.runner.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import lab.runner.LabSession;
import lab.runner.browser.BrowserEngines;
import lab.runner.browser.BrowserInfo;
import lab.runner.browser.FirefoxDrift;
import lab.runner.browser.PlaywrightVersion;
import lab.runner.cases.CaseObserver;
import lab.runner.cases.CaseResult;
import lab.runner.cases.CatalogueRun;
import lab.runner.doctor.CheckResult;
import lab.runner.doctor.Doctor;
import lab.runner.doctor.DriftCache;
import lab.runner.guide.Narrator;
import lab.runner.report.TextReport;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;

/**
 * What {@code ./lab run} shows while it runs: the header once the first worker's browser is known (after a check
 * for browser drift), a line per case, and in guided mode the narrator's steps.
 */
final class RunProgress implements CatalogueRun.Listener {

    static final String THIRD_PARTY_NOTE = "Third-party cookies are a browser setting, given per case: allowed (a"
            + " normal Google Chrome window, the headless shell) or blocked (Chrome Incognito, Safari, a fresh full"
            + " Chromium profile); Firefox partitions them by default, with the same effect here.";

    private final TextReport text;
    /** Null unless the run is guided (--step). */
    private final Narrator narrator;

    private final int workers;
    private final int caseCount;
    private final AtomicReference<BrowserInfo> browser = new AtomicReference<>();

    RunProgress(TextReport text, Narrator narrator, int workers, int caseCount) {
        this.text = text;
        this.narrator = narrator;
        this.workers = workers;
        this.caseCount = caseCount;
    }

    /** Where the run's lines go, the closing summary included. */
    TextReport text() {
        return text;
    }

    /** The browser of the first worker that started, or null when none did. */
    BrowserInfo browser() {
        return browser.get();
    }

    @Override
    public void workerReady(int worker, LabSession session) {
        if (browser.compareAndSet(null, session.browser().info())) {
            text.header(
                    browser.get(),
                    THIRD_PARTY_NOTE + " Workers: " + workers + ", each with its own victim, attacker and browser.",
                    session.servers().victim().origin(),
                    session.servers().attacker().origin(),
                    caseCount);
            checkForDrift(session);
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

    /**
     * Before trusting the lessons' expectations, checks that this browser still behaves as they assume (the
     * other workers start meanwhile). A browser that passed before is not measured again until it changes.
     */
    private void checkForDrift(LabSession session) {
        if (session.browser().engineKey().equals("firefox")) {
            // Firefox's expectations name the pairing they were measured with: a different one is said, once.
            FirefoxDrift.line(session.browser().info(), PlaywrightVersion.get()).ifPresent(text::warning);
            return;
        }
        if (!session.browser().engineKey().equals(BrowserEngines.DEFAULT)) {
            return;
        }
        DriftCache cache = DriftCache.inUserCache();
        BrowserInfo info = session.browser().info();
        if (cache.passedBefore(info)) {
            return;
        }
        List<CheckResult> failed = Doctor.quickChecks(session).stream()
                .filter(check -> !check.passed())
                .toList();
        failed.forEach(check -> text.warning("browser drift: " + check.name() + ": expected " + check.expected()
                + "; observed " + check.observed() + ". Outcomes may differ from the lessons; run ./lab doctor."));
        if (failed.isEmpty()) {
            cache.rememberPassed(info);
        }
    }

    /** The runner's observer: the narrator's steps, and screenshots only when a report will show them. */
    CaseObserver observer(boolean screenshots) {
        return new CaseObserver() {
            @Override
            public void step(Scenario scenario, ScenarioCase scenarioCase, String stepText) {
                if (narrator != null) {
                    narrator.step(scenario, scenarioCase, stepText);
                }
            }

            @Override
            public boolean followsSteps() {
                return narrator != null;
            }

            @Override
            public boolean wantsFreshLogin() {
                // Guided mode shows Alice logging in for every case, as the narrator's own observer would.
                return narrator != null;
            }

            @Override
            public boolean wantsScreenshot() {
                return screenshots;
            }
        };
    }
}
