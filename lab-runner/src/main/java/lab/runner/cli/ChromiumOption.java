package lab.runner.cli;

import java.nio.file.Path;
import java.util.Optional;
import lab.runner.browser.BrowserLocator;
import picocli.CommandLine.Option;

/**
 * {@code --browser PATH} for the commands that drive Chromium only (bench's Chromium figures, screenshots), so their
 * help does not offer a Firefox they would not launch.
 */
final class ChromiumOption {

    @Option(
            names = "--browser",
            paramLabel = "PATH",
            description = "The Chromium binary to drive. Default: " + BrowserOption.DEFAULT)
    private Path browser;

    /** The path the user gave, if any. */
    Optional<Path> requested() {
        return Optional.ofNullable(browser);
    }

    /** The executable to launch headless, or empty for Playwright's own. */
    Optional<Path> locate() {
        return BrowserLocator.locate(requested());
    }
}
