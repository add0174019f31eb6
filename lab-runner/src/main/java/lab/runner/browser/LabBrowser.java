package lab.runner.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import lab.scenarios.ThirdPartyCookies;

/**
 * One headless Chromium profile per third-party cookie setting, launched on first use and kept for the run.
 *
 * <p>Chromium blocks third-party cookies by default in every fresh context, and no command-line flag or CDP
 * call changes that; the profile preference {@code profile.cookie_controls_mode} does, when it is written
 * before launch (0 allows all cookies, as a normal Chrome window does; 1 blocks third-party cookies, as
 * Incognito does). So each setting gets a persistent profile of its own.
 */
public final class LabBrowser implements AutoCloseable {

    /** Chromium's background services try to reach the internet, which a lab machine may not have. */
    private static final List<String> ARGS = List.of(
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic");

    private final Playwright playwright;
    private final Optional<Path> executable;
    private final BrowserOptions options;
    private final Map<ThirdPartyCookies, BrowserContext> contexts = new EnumMap<>(ThirdPartyCookies.class);
    private final Map<ThirdPartyCookies, Path> profiles = new EnumMap<>(ThirdPartyCookies.class);
    private BrowserInfo info;

    private LabBrowser(Playwright playwright, Optional<Path> executable, BrowserOptions options) {
        this.playwright = playwright;
        this.executable = executable;
        this.options = options;
    }

    /** Starts Playwright's driver for {@code executable}, or for Playwright's managed Chromium when empty. */
    public static LabBrowser start(Optional<Path> executable) {
        return start(executable, BrowserOptions.HEADLESS);
    }

    /** As {@link #start(Optional)}, with a headed or slowed-down window. */
    public static LabBrowser start(Optional<Path> executable, BrowserOptions browserOptions) {
        browserOptions.requireDisplayIfHeaded();
        DriverCache.use();
        Playwright.CreateOptions options = new Playwright.CreateOptions();
        if (executable.isPresent()) {
            // A system browser is used as is: never try to download one (there may be no internet).
            options.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        }
        try {
            return new LabBrowser(Playwright.create(options), executable, browserOptions);
        } catch (PlaywrightException e) {
            throw new BrowserUnavailableException("Playwright could not start"
                    + (executable.isEmpty() ? " or download its Chromium (is there internet access?)" : "")
                    + ": " + firstLine(e.getMessage()) + ". Install a Chromium (Debian: apt-get install chromium) "
                    + "or name one with --browser PATH.", e);
        }
    }

    /** The profile for one third-party cookie setting, launched the first time it is asked for. */
    public synchronized BrowserContext context(ThirdPartyCookies setting) {
        BrowserContext context = contexts.get(setting);
        if (context == null) {
            context = launch(setting);
            contexts.put(setting, context);
            // A browser that crashed or was killed takes its profile with it: the next case launches a new one,
            // so one crash fails one case, not the rest of the run.
            BrowserContext launched = context;
            context.onClose(closed -> forget(setting, launched));
        }
        return context;
    }

    /**
     * Replaces the profile of {@code setting} with a newly launched one: for a browser found dead (crashed or
     * killed) before a case began. Playwright only learns of a crash at its next call, so the caller notices.
     */
    public synchronized BrowserContext relaunch(ThirdPartyCookies setting) {
        BrowserContext dead = contexts.get(setting);
        if (dead != null) {
            try {
                dead.close();
            } catch (PlaywrightException e) {
                // It is gone already.
            }
            forget(setting, dead);
        }
        return context(setting);
    }

    private synchronized void forget(ThirdPartyCookies setting, BrowserContext closed) {
        contexts.remove(setting, closed);
        Path profile = profiles.remove(setting);
        if (profile != null) {
            deleteQuietly(profile);
        }
    }

    /** The browser's name and version, known once a profile has been launched. */
    public synchronized BrowserInfo info() {
        if (info == null) {
            context(ThirdPartyCookies.BLOCKED);
        }
        return info;
    }

    private BrowserContext launch(ThirdPartyCookies setting) {
        Path profile = createProfile(setting);
        profiles.put(setting, profile);
        BrowserType.LaunchPersistentContextOptions launch = new BrowserType.LaunchPersistentContextOptions()
                .setHeadless(!options.headed())
                .setSlowMo(options.slowMoMillis())
                .setArgs(ARGS);
        executable.ifPresent(launch::setExecutablePath);
        BrowserContext context;
        try {
            context = playwright.chromium().launchPersistentContext(profile, launch);
        } catch (PlaywrightException e) {
            throw new BrowserUnavailableException("Chromium did not start"
                    + executable.map(p -> " from " + p).orElse("") + ": " + firstLine(e.getMessage())
                    + ". Check that it runs (chromium --headless --version), or name another with --browser PATH.", e);
        }
        if (info == null) {
            String version = context.browser() != null ? context.browser().version()
                    : String.valueOf(context.pages().get(0).evaluate("navigator.userAgent"));
            info = new BrowserInfo(executable.isPresent() ? "Chromium" : "Chromium (Playwright's managed build)",
                    version, executable.map(Path::toString).orElse("managed by Playwright"));
        }
        return context;
    }

    private static Path createProfile(ThirdPartyCookies setting) {
        try {
            Path dir = Files.createTempDirectory("same-origin-lab-" + setting.key() + "-");
            Files.createDirectories(dir.resolve("Default"));
            int mode = setting == ThirdPartyCookies.ALLOWED ? 0 : 1;
            Files.writeString(dir.resolve("Default").resolve("Preferences"),
                    "{\"profile\":{\"cookie_controls_mode\":" + mode + "}}");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a browser profile", e);
        }
    }

    /** Closes every profile and the driver (which ends the browser processes) and deletes the profiles. */
    @Override
    public synchronized void close() {
        try {
            // A copy: closing a context removes it from the map (see forget).
            for (BrowserContext context : List.copyOf(contexts.values())) {
                try {
                    context.close();
                } catch (PlaywrightException e) {
                    // A crashed browser is already gone; closing the driver below ends whatever is left.
                }
            }
            contexts.clear();
        } finally {
            playwright.close();
            profiles.values().forEach(LabBrowser::deleteQuietly);
            profiles.clear();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary profile left behind is harmless; the OS cleans its temp directory.
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        return message.strip().lines().findFirst().orElse(message);
    }
}
