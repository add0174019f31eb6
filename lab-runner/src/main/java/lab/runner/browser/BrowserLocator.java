package lab.runner.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the Chromium to drive: the one the user named, else a system Chromium, else none (Playwright's own). */
public final class BrowserLocator {

    /** Where Debian, Ubuntu and most distributions put their Chromium. */
    static final List<Path> SYSTEM_CHROMIUMS = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    private BrowserLocator() {
    }

    /**
     * @param requested the user's {@code --browser PATH}, if given
     * @return the executable to launch, or empty to let Playwright use (and if need be download) its own
     * @throws BrowserUnavailableException when the requested path is not an executable file
     */
    public static Optional<Path> locate(Optional<Path> requested) {
        if (requested.isPresent()) {
            Path path = requested.get();
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new BrowserUnavailableException("--browser " + path + " is not an executable file. "
                        + "Point it at a Chromium binary, or leave it out to use " + SYSTEM_CHROMIUMS.get(0)
                        + " (Debian: apt-get install chromium).");
            }
            return requested;
        }
        return SYSTEM_CHROMIUMS.stream().filter(Files::isExecutable).findFirst();
    }
}
