package lab.runner.cli;

import java.nio.file.Path;
import java.util.Optional;
import lab.runner.browser.BrowserLocator;
import lab.runner.browser.BrowserOptions;
import picocli.CommandLine.Option;

/** {@code --browser PATH}: the Chromium a command drives, for every command that starts one. */
final class BrowserOption {

    /** The order {@link BrowserLocator} tries, in words: keep the two in step (CommandHelpTest checks it). */
    static final String DEFAULT = "the first installed of /usr/bin/chromium-headless-shell, /usr/bin/chromium and"
            + " /usr/bin/chromium-browser, else Playwright's own Chromium. A --headed run skips the headless shell,"
            + " which has no window.";

    @Option(names = "--browser", paramLabel = "PATH", description = "The Chromium binary to drive. Default: " + DEFAULT)
    private Path browser;

    /** The path the user gave, if any. */
    Optional<Path> requested() {
        return Optional.ofNullable(browser);
    }

    /** The executable to launch headless, or empty for Playwright's own. */
    Optional<Path> locate() {
        return BrowserLocator.locate(requested());
    }

    /** The executable to launch with {@code options} (a headed run needs a full Chromium). */
    Optional<Path> locate(BrowserOptions options) {
        return BrowserLocator.locate(requested(), options);
    }
}
