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

    /** The registration: one line per engine. */
    private static final Map<String, Factory> ENGINES = new LinkedHashMap<>();

    static {
        ENGINES.put("chromium", ChromiumEngine::create);
    }

    private BrowserEngines() {}

    /** The keys of every engine, default first. */
    public static Set<String> keys() {
        return ENGINES.keySet();
    }

    /** @throws IllegalArgumentException for a key no engine is registered under */
    public static BrowserEngine create(String key, Optional<Path> executable, BrowserOptions options) {
        Factory factory = ENGINES.get(key);
        if (factory == null) {
            throw new IllegalArgumentException("no browser engine '" + key + "'; the lab knows " + keys());
        }
        return factory.create(executable, options);
    }
}
