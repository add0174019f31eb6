package lab.runner.browser;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The browser engines the lab can drive, by the key the command line names them with. */
public final class BrowserEngines {

    /** The engine a run uses unless told otherwise: the fastest to launch and the one every lesson measured. */
    public static final String DEFAULT = "chromium";

    /** Makes an engine for a run from the user's browser binary (empty: the engine's own choice) and window options. */
    @FunctionalInterface
    public interface Factory {
        BrowserEngine create(Optional<Path> executable, BrowserOptions options);
    }

    /**
     * Finds an engine's binary: the user's {@code --browser PATH} checked, else the engine's own choice (empty: a
     * browser Playwright manages).
     */
    @FunctionalInterface
    public interface Locator {
        /** @throws BrowserUnavailableException when there is no browser of this engine to run, saying how to get one */
        Optional<Path> locate(Optional<Path> requested, BrowserOptions options);
    }

    private record Registration(Factory factory, Locator locator, String installHint) {}

    /** The registration: one line per engine. */
    private static final Map<String, Registration> ENGINES = new LinkedHashMap<>();

    static {
        ENGINES.put(
                "chromium",
                new Registration(ChromiumEngine::create, BrowserLocator::locate, ChromiumEngine.INSTALL_HINT));
        ENGINES.put(
                "firefox",
                new Registration(
                        FirefoxEngine::create,
                        (requested, options) -> Optional.of(FirefoxEngine.locate(requested)),
                        FirefoxEngine.INSTALL_HINT));
    }

    private BrowserEngines() {}

    /** The keys of every engine, default first. */
    public static Set<String> keys() {
        return ENGINES.keySet();
    }

    /** @throws IllegalArgumentException for a key no engine is registered under */
    public static BrowserEngine create(String key, Optional<Path> executable, BrowserOptions options) {
        return registration(key).factory().create(executable, options);
    }

    /**
     * The binary to launch for engine {@code key}.
     *
     * @throws BrowserUnavailableException when the engine's browser is not installed (or {@code requested} is not one)
     */
    public static Optional<Path> locate(String key, Optional<Path> requested, BrowserOptions options) {
        return registration(key).locator().locate(requested, options);
    }

    /**
     * Whether engine {@code key} has a browser to run here without the user naming one. Chromium always has one
     * (Playwright's own, where it can be downloaded); Firefox only when installed.
     */
    public static boolean installed(String key) {
        try {
            locate(key, Optional.empty(), BrowserOptions.HEADLESS);
            return true;
        } catch (BrowserUnavailableException e) {
            return false;
        }
    }

    /** What to install for engine {@code key}. */
    public static String installHint(String key) {
        return registration(key).installHint();
    }

    private static Registration registration(String key) {
        Registration registration = ENGINES.get(key);
        if (registration == null) {
            throw new IllegalArgumentException("no browser engine '" + key + "'; the lab knows " + keys());
        }
        return registration;
    }
}
