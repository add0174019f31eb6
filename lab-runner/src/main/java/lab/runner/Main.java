package lab.runner;

import lab.runner.browser.BrowserUnavailableException;
import lab.runner.cli.LabCommand;
import picocli.CommandLine;

/** Entry point of {@code ./lab}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new LabCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            // Problems of the machine (no browser, a busy port) get one clear line, not a stack trace.
            if (exception instanceof BrowserUnavailableException || exception instanceof LabServers.PortInUseException) {
                cmd.getErr().println("lab: " + exception.getMessage());
                return 3;
            }
            throw exception;
        });
        System.exit(commandLine.execute(args));
    }
}
