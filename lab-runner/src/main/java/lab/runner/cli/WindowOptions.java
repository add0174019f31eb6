package lab.runner.cli;

import lab.runner.browser.BrowserOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --headed} and {@code --slow-mo}: the browser shown and slowed down, for a room to follow. */
final class WindowOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--headed", description = "Show the browser window (needs a display).")
    private boolean headed;

    @Option(
            names = "--slow-mo",
            paramLabel = "MS",
            defaultValue = "0",
            description = "Slow every browser operation down by MS milliseconds (with --headed, for a room to follow).")
    private double slowMo;

    boolean headed() {
        return headed;
    }

    /** The options as the browser takes them; a negative pause is a usage error. */
    BrowserOptions browserOptions() {
        try {
            return new BrowserOptions(headed, slowMo);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
