package lab.runner;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import lab.runner.browser.BrowserEngines;
import lab.runner.browser.BrowserOptions;
import lab.runner.browser.LabBrowser;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;

/**
 * Both servers and the browser for one run, closed exactly once: by the run itself, or by the shutdown hook
 * when the user presses Ctrl-C, so that no browser or server outlives the lab.
 */
public final class LabSession implements AutoCloseable {

    private final LabServers servers;
    private final LabBrowser browser;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stopOnSignal, "lab-shutdown");
    /** Said once per process, however many sessions (workers) a signal stops. */
    private static final AtomicBoolean SAID_INTERRUPTED = new AtomicBoolean();

    private LabSession(LabServers servers, LabBrowser browser) {
        this.servers = servers;
        this.browser = browser;
    }

    /** Starts the servers on free loopback ports and, at the same time, the browser driver. */
    public static LabSession start(ScenarioCatalogue catalogue, Optional<Path> browserExecutable, Defences defences) {
        return start(catalogue, browserExecutable, BrowserOptions.HEADLESS, defences);
    }

    /** As {@link #start(ScenarioCatalogue, Optional, Defences)}, with a headed or slowed-down browser. */
    public static LabSession start(
            ScenarioCatalogue catalogue,
            Optional<Path> browserExecutable,
            BrowserOptions browserOptions,
            Defences defences) {
        return start(catalogue, BrowserEngines.DEFAULT, browserExecutable, browserOptions, defences);
    }

    /** As {@link #start(ScenarioCatalogue, Optional, BrowserOptions, Defences)}, in the engine named {@code engine}. */
    public static LabSession start(
            ScenarioCatalogue catalogue,
            String engine,
            Optional<Path> browserExecutable,
            BrowserOptions browserOptions,
            Defences defences) {
        CompletableFuture<LabBrowser> browser =
                CompletableFuture.supplyAsync(() -> LabBrowser.start(engine, browserExecutable, browserOptions));
        LabServers servers;
        try {
            servers = LabServers.start(catalogue, defences, 0, 0);
        } catch (RuntimeException e) {
            browser.thenAccept(LabBrowser::close);
            throw e;
        }
        try {
            LabSession session = new LabSession(servers, browser.join());
            Runtime.getRuntime().addShutdownHook(session.shutdownHook);
            return session;
        } catch (CompletionException e) {
            servers.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public LabServers servers() {
        return servers;
    }

    public LabBrowser browser() {
        return browser;
    }

    /** True once the session is being closed, for instance because the user pressed Ctrl-C. */
    public boolean closing() {
        return closed.get();
    }

    private void stopOnSignal() {
        if (!closed.get() && SAID_INTERRUPTED.compareAndSet(false, true)) {
            System.err.println("lab: interrupted; stopping the browser and the servers");
        }
        close();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            browser.close();
        } finally {
            servers.close();
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // The JVM is already shutting down; the hook is running or has run.
                }
            }
        }
    }
}
