package lab.runner.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.runner.browser.BrowserInfo;

/**
 * Remembers which browsers already passed the quick drift checks, so that {@code ./lab run} measures a browser
 * again only when it changed (a new version, another binary) rather than before every run. A browser's
 * cookie and CORS rules change with its version, not between two runs of the same binary; a failed check is
 * never remembered, so a drifted browser is checked (and warned about) every time.
 */
public final class DriftCache {

    private final Path file;

    public DriftCache(Path file) {
        this.file = file;
    }

    /** The cache in the user's cache directory, beside the extracted Playwright driver. */
    public static DriftCache inUserCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new DriftCache(base.resolve("same-origin-lab").resolve("drift-checks-passed"));
    }

    public boolean passedBefore(BrowserInfo browser) {
        try {
            return Files.exists(file) && Files.readAllLines(file).contains(key(browser));
        } catch (IOException e) {
            return false;
        }
    }

    public void rememberPassed(BrowserInfo browser) {
        try {
            Files.createDirectories(file.getParent());
            List<String> known = Files.exists(file) ? Files.readAllLines(file) : List.of();
            if (!known.contains(key(browser))) {
                Files.writeString(
                        file,
                        key(browser) + "\n",
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // Not remembering only means checking again next time.
        }
    }

    private static String key(BrowserInfo browser) {
        return browser.name() + "|" + browser.version() + "|" + browser.executable() + "|"
                + com.microsoft.playwright.Playwright.class.getPackage().getImplementationVersion();
    }
}
