package lab.runner;

import java.time.Duration;
import lab.runner.browser.BrowserUnavailableException;
import lab.runner.cli.ExitCodes;
import lab.runner.cli.LabCommand;
import picocli.CommandLine;

/** Entry point of {@code ./lab}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The {@code ./lab} command line with its handling of failures: a problem of the machine is one line, exit 3. */
    public static CommandLine commandLine() {
        CommandLine commandLine = LabCommand.commandLine();
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            if (interruptedByUser()) {
                // Ctrl-C reaches the browser and Playwright's driver as well as this process, so a browser step
                // may fail first; the shutdown hook has said what happens, and the failure is not news.
                return ExitCodes.INTERRUPTED;
            }
            // Problems of the machine (no browser, a busy port) get one clear line, not a stack trace.
            if (exception instanceof BrowserUnavailableException
                    || exception instanceof LabServers.PortInUseException
                    || exception instanceof LabCatalogue.BrokenCatalogueException
                    || exception instanceof lab.runner.challenges.ChallengeProgress.ProgressUnavailableException) {
                cmd.getErr().println("lab: " + exception.getMessage());
                return ExitCodes.CANNOT_START;
            }
            throw exception;
        });
        return commandLine;
    }

    /** How long a failure waits for a signal that may still be on its way to this process. */
    private static final Duration SIGNAL_GRACE = Duration.ofMillis(500);

    /**
     * True when the JVM is shutting down because of a signal, or starts to within {@link #SIGNAL_GRACE}: the
     * browser's processes, in the same process group, may die of a Ctrl-C a moment before this one hears of it.
     */
    private static boolean interruptedByUser() {
        long deadline = System.nanoTime() + SIGNAL_GRACE.toNanos();
        do {
            if (shuttingDown()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return shuttingDown();
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** The JVM refuses new shutdown hooks once its shutdown has begun: the only public way to ask. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
