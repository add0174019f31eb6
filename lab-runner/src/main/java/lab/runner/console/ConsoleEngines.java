package lab.runner.console;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lab.runner.browser.BrowserEngines;
import lab.runner.browser.BrowserOptions;
import lab.runner.browser.BrowserUnavailableException;
import lab.runner.browser.BrowserVersion;
import lab.scenarios.Engines;

/**
 * The browser engines the console can run a scenario in: every engine the lab knows, whether its browser is
 * installed here, its version, and the one {@code ./lab serve --engine} chose as the default (with the binary its
 * {@code --browser} named, if any).
 */
final class ConsoleEngines {

    /** One engine as {@code GET /api/engines} lists it; {@code version} is null when the binary does not say. */
    record EngineView(String key, String name, String version, boolean installed, boolean isDefault) {}

    private final String defaultEngine;
    private final Optional<Path> defaultExecutable;
    private final Map<String, Optional<String>> versions = new ConcurrentHashMap<>();

    ConsoleEngines(String defaultEngine, Optional<Path> defaultExecutable) {
        this.defaultEngine = defaultEngine;
        this.defaultExecutable = defaultExecutable;
    }

    String defaultEngine() {
        return defaultEngine;
    }

    /**
     * The engine a run asked for, checked: null or blank means the default.
     *
     * @throws IllegalArgumentException for an engine the lab does not know, or one not installed here (a 400)
     */
    String choose(String requested) {
        if (requested == null || requested.isBlank()) {
            return defaultEngine;
        }
        if (!BrowserEngines.keys().contains(requested)) {
            throw new IllegalArgumentException(
                    "unknown engine '" + requested + "'; expected one of " + String.join(", ", BrowserEngines.keys()));
        }
        try {
            executable(requested);
        } catch (BrowserUnavailableException e) {
            throw new IllegalArgumentException(
                    Engines.displayName(requested) + " is not installed where the lab runs: " + e.getMessage());
        }
        return requested;
    }

    /**
     * The binary to launch for {@code engine}: the one {@code serve} was given for its default engine, else the
     * engine's own choice.
     *
     * @throws BrowserUnavailableException when that engine's browser is not installed
     */
    Optional<Path> executable(String engine) {
        return engine.equals(defaultEngine)
                ? defaultExecutable
                : BrowserEngines.locate(engine, Optional.empty(), BrowserOptions.HEADLESS);
    }

    /** Every engine the lab knows, installed or not, in the registry's order. */
    List<EngineView> list() {
        return BrowserEngines.keys().stream().map(this::view).toList();
    }

    private EngineView view(String key) {
        Optional<Path> binary;
        try {
            binary = executable(key);
        } catch (BrowserUnavailableException e) {
            return new EngineView(key, Engines.displayName(key), null, false, key.equals(defaultEngine));
        }
        // Asked once per binary: the console polls nothing here, but each page load lists the engines.
        String version = binary.flatMap(path -> versions.computeIfAbsent(key, k -> BrowserVersion.ask(path)))
                .orElse(null);
        return new EngineView(key, Engines.displayName(key), version, true, key.equals(defaultEngine));
    }
}
