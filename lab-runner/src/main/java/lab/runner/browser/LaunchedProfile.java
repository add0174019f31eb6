package lab.runner.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A launched browser profile: the context pages open in, and what ends with it.
 *
 * @param browser   the browser process, when the context lives in memory inside it; null for a persistent
 *                  profile, whose context is its browser
 * @param directory the profile's directory on disk, deleted once every browser process has ended; null for none
 */
public record LaunchedProfile(BrowserContext context, Browser browser, Path directory) {

    /**
     * A context kept in memory by {@code browser}, as an Incognito window's is, whose pages send {@code userAgent}
     * (the browser's own, with the run's tag: {@link BrowserEngine#launch}).
     */
    public static LaunchedProfile inMemory(Browser browser, String userAgent) {
        try {
            return new LaunchedProfile(
                    browser.newContext(new Browser.NewContextOptions().setUserAgent(userAgent)), browser, null);
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /** A persistent context launched with its own profile directory. */
    public static LaunchedProfile onDisk(BrowserContext context, Path directory) {
        return new LaunchedProfile(context, null, directory);
    }

    /** Closes the context and its browser process, whatever state a crash left them in. */
    void closeQuietly() {
        try {
            context.close();
        } catch (PlaywrightException e) {
            // A crashed browser is already gone; closing the driver ends whatever is left.
        }
        if (browser != null) {
            try {
                browser.close();
            } catch (PlaywrightException e) {
                // Already gone with a crash.
            }
        }
    }

    /** Deletes the profile directory; only once the driver has ended, since a closing browser may still write. */
    void deleteDirectory() {
        if (directory != null) {
            deleteQuietly(directory);
        }
    }

    static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary profile left behind is harmless; the OS cleans its temp directory.
        }
    }
}
