package lab.runner.cli;

import java.nio.file.Path;
import java.util.Optional;
import lab.runner.browser.BrowserEngines;
import lab.runner.browser.BrowserOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --browser PATH}: the browser binary a command drives, for every command that starts one. */
final class BrowserOption {

    /**
     * The order {@code lab.runner.browser.BrowserLocator} tries, in words: keep the two in step (CommandHelpTest
     * checks it).
     */
    static final String DEFAULT = "the first installed of /usr/bin/chromium-headless-shell, /usr/bin/chromium and"
            + " /usr/bin/chromium-browser, else Playwright's own Chromium. A --headed run skips the headless shell,"
            + " which has no window.";

    @Option(
            names = "--browser",
            paramLabel = "PATH",
            description = "The browser binary to drive: a Chromium, or a Firefox with --engine firefox. Default: "
                    + DEFAULT + " Firefox: /usr/bin/firefox-esr, else /usr/bin/firefox.")
    private Path browser;

    /** The path the user gave, if any. */
    Optional<Path> requested() {
        return Optional.ofNullable(browser);
    }

    /** The Chromium to launch headless, or empty for Playwright's own. */
    Optional<Path> locate() {
        return lab.runner.browser.BrowserLocator.locate(requested());
    }

    /**
     * The executable of {@code engine} to launch with {@code options}.
     *
     * @throws lab.runner.browser.BrowserUnavailableException when that engine's browser is not installed
     */
    Optional<Path> locate(String engine, BrowserOptions options) {
        return BrowserEngines.locate(engine, requested(), options);
    }

    /**
     * The executable of each engine, for a command that may drive several: {@code --browser} names one engine's
     * binary, so it is refused with {@code --engine all}.
     */
    Optional<Path> locate(EngineOption engines, String engine, BrowserOptions options, CommandSpec spec) {
        if (engines.all() && requested().isPresent()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--browser names one engine's binary: use it with"
                            + " --engine chromium or --engine firefox, not --engine all");
        }
        return locate(engine, options);
    }
}
