package lab.runner.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the Chromium to drive: the one the user named, else a system Chromium, else none (Playwright's own).
 *
 * <p>Headless runs prefer Chromium's headless shell where it is installed (Debian: {@code chromium-headless-shell}).
 * It has the same browser engine and network stack as the full browser, but it allows third-party cookies by
 * default where a fresh full-browser profile blocks them (the lab sets both explicitly, per case, and
 * {@code ./lab doctor} reports both defaults); it lacks the desktop browser's window and profile machinery, and the benchmark measured it at about a quarter of
 * the full browser's CPU per case. It is also what Playwright itself runs for headless Chromium. A headed run
 * needs the full browser, which has a window.
 */
public final class BrowserLocator {

    /** Where Debian puts Chromium's headless shell. */
    static final Path SYSTEM_HEADLESS_SHELL = Path.of("/usr/bin/chromium-headless-shell");

    /** Where Debian, Ubuntu and most distributions put their Chromium. */
    static final List<Path> SYSTEM_CHROMIUMS =
            List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    private BrowserLocator() {}

    /** As {@link #locate(Optional, BrowserOptions)} for a headless run. */
    public static Optional<Path> locate(Optional<Path> requested) {
        return locate(requested, BrowserOptions.HEADLESS);
    }

    /**
     * @param requested the user's {@code --browser PATH}, if given
     * @param options   whether the run shows a window, which the headless shell cannot
     * @return the executable to launch, or empty to let Playwright use (and if need be download) its own
     * @throws BrowserUnavailableException when the requested path is not an executable file, or is a headless
     *                                     shell asked to show a window
     */
    public static Optional<Path> locate(Optional<Path> requested, BrowserOptions options) {
        if (requested.isPresent()) {
            Path path = requested.get();
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new BrowserUnavailableException("--browser " + path + " is not an executable file. "
                        + "Point it at a Chromium binary, or leave it out to use " + SYSTEM_CHROMIUMS.get(0)
                        + " (Debian: apt-get install chromium).");
            }
            if (options.headed() && isHeadlessShell(path)) {
                throw new BrowserUnavailableException("--browser " + path + " is Chromium's headless shell, which has"
                        + " no window to show: name a full Chromium for --headed (" + SYSTEM_CHROMIUMS.get(0) + ").");
            }
            return requested;
        }
        Stream<Path> candidates = options.headed()
                ? SYSTEM_CHROMIUMS.stream()
                : Stream.concat(Stream.of(SYSTEM_HEADLESS_SHELL), SYSTEM_CHROMIUMS.stream());
        return candidates.filter(Files::isExecutable).findFirst();
    }

    /** True for Chromium's headless shell, which Debian and Playwright both name so. */
    static boolean isHeadlessShell(Path executable) {
        String name = executable.getFileName().toString();
        if (name.contains("headless-shell") || name.contains("headless_shell")) {
            return true;
        }
        try {
            // Debian's /usr/bin/chromium-headless-shell may be reached through a link of another name.
            String target = executable.toRealPath().getFileName().toString();
            return target.contains("headless-shell") || target.contains("headless_shell");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
