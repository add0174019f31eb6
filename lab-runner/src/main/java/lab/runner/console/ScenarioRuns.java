package lab.runner.console;

import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lab.runner.LabServers;
import lab.runner.browser.BrowserEngines;
import lab.runner.browser.BrowserInfo;
import lab.runner.browser.BrowserOptions;
import lab.runner.browser.LabBrowser;
import lab.runner.cases.CaseObserver;
import lab.runner.cases.CaseResult;
import lab.runner.cases.CaseRunner;
import lab.runner.cases.WhatTheVictimReceived;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.journal.JournalEntry;

/**
 * Runs a scenario's attack from the console, in a headless browser of the console's own (one per engine, each
 * started on its first run), against the served victim with whatever defences are switched on right now.
 * Playwright objects belong to the thread that made them, so every run (and the browsers' start and stop) happens
 * on one thread, one run at a time.
 */
final class ScenarioRuns implements AutoCloseable {

    private static final long RUN_TIMEOUT_SECONDS = 60;

    private final LabServers servers;
    private final ConsoleEngines engines;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-scenario-runs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, LabBrowser> browsers = new LinkedHashMap<>();

    ScenarioRuns(LabServers servers, Optional<Path> executable) {
        this(servers, new ConsoleEngines(BrowserEngines.DEFAULT, executable));
    }

    ScenarioRuns(LabServers servers, ConsoleEngines engines) {
        this.servers = servers;
        this.engines = engines;
    }

    ConsoleEngines engines() {
        return engines;
    }

    /**
     * What a run showed: the outcome and the evidence, with the attacker's page as a PNG data URL, and the outside
     * traffic that decided nothing ({@code 3 outside requests / 1 loot item ignored}), or null when there was none.
     * {@code engine} and {@code browser} name the browser that ran it, as it described itself once launched.
     */
    record RunView(
            String scenario,
            String engine,
            BrowserInfo browser,
            String conditions,
            String outcome,
            String meaning,
            String why,
            String pageSaw,
            List<String> console,
            Map<String, Object> victimReceived,
            String outside,
            String screenshot) {}

    RunView run(Scenario scenario, ThirdPartyCookies browserSetting) throws InterruptedException {
        return run(scenario, browserSetting, null);
    }

    /**
     * Runs in {@code engine} (null: the console's default).
     *
     * @throws IllegalArgumentException for an engine unknown to the lab or not installed here
     */
    RunView run(Scenario scenario, ThirdPartyCookies browserSetting, String engine) throws InterruptedException {
        String key = engines.choose(engine);
        Future<RunView> run = thread.submit(() -> {
            LabBrowser browser = browsers.get(key);
            if (browser == null) {
                browser = LabBrowser.start(key, engines.executable(key), BrowserOptions.HEADLESS);
                browsers.put(key, browser);
            }
            CaseRunner runner = new CaseRunner(
                            servers, browser, servers.victim().defences().current())
                    .observedBy(new CaseObserver() {
                        @Override
                        public boolean wantsScreenshot() {
                            return true;
                        }
                    });
            return view(runner.run(scenario, ScenarioCase.probe(Map.of(), browserSetting)));
        });
        try {
            return run.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new IllegalStateException("the run took longer than " + RUN_TIMEOUT_SECONDS + " seconds");
        }
    }

    private static RunView view(CaseResult result) {
        JournalEntry received = result.evidence().victimReceived();
        Map<String, Object> victim = new LinkedHashMap<>();
        victim.put("received", received != null);
        if (received != null) {
            victim.putAll(WhatTheVictimReceived.json(received));
        } else {
            victim.put(
                    "text",
                    WhatTheVictimReceived.line(
                            result.evidence(), result.scenario().target()));
        }
        String screenshot = result.screenshot() == null
                ? null
                : "data:image/png;base64," + Base64.getEncoder().encodeToString(result.screenshot());
        return new RunView(
                result.scenario().id(),
                result.engine(),
                result.browser(),
                result.scenarioCase().conditions() + ", with the console's current defences",
                result.actual().name(),
                result.actual().meaning(),
                result.verdict().why(),
                result.evidence().pageSaw(),
                result.evidence().console(),
                victim,
                result.evidence().outside().any() ? result.evidence().outside().describe() : null,
                screenshot);
    }

    @Override
    public void close() {
        thread.execute(() -> {
            browsers.values().forEach(LabBrowser::close);
            browsers.clear();
        });
        thread.shutdown();
        try {
            thread.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
