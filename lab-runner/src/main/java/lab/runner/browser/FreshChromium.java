package lab.runner.browser;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A Chromium launched as a participant's newly installed one starts: a fresh profile with no preference written
 * and no DevTools control, so that what it does is its own default. The lab's own browser never runs like this
 * (it sets the third-party cookie setting of every case); {@code ./lab doctor} launches this to report the
 * defaults the workshop guide tells participants about. It has its own Playwright driver, so that it cannot
 * disturb the lab's browser.
 */
public final class FreshChromium implements AutoCloseable {

    /** The two Chromium builds whose defaults differ. */
    public enum Kind {
        /** The desktop browser (Debian's {@code chromium}, Google Chrome's code): a window, a full profile. */
        FULL_BROWSER("full Chromium", "chromium"),
        /** Chromium's headless shell, what the lab and Playwright run for headless Chromium. */
        HEADLESS_SHELL("Chromium headless shell", null);

        private final String label;
        /** Playwright's channel for its own build of this kind, when no system one is installed. */
        private final String managedChannel;

        Kind(String label, String managedChannel) {
            this.label = label;
            this.managedChannel = managedChannel;
        }

        public String label() {
            return label;
        }

        /** The system's build of this kind, or empty for Playwright's own. */
        Optional<Path> systemExecutable() {
            if (this == HEADLESS_SHELL) {
                return Optional.of(BrowserLocator.SYSTEM_HEADLESS_SHELL).filter(Files::isExecutable);
            }
            return BrowserLocator.SYSTEM_CHROMIUMS.stream()
                    .filter(Files::isExecutable)
                    .findFirst();
        }
    }

    private final Playwright playwright;
    private final BrowserContext context;
    private final Path profile;
    private final String description;

    private FreshChromium(Playwright playwright, BrowserContext context, Path profile, String description) {
        this.playwright = playwright;
        this.context = context;
        this.profile = profile;
        this.description = description;
    }

    /**
     * Launches {@code kind} headless (the full browser in its new headless mode, which is the desktop browser's
     * own code) in a new, empty profile directory.
     *
     * @throws BrowserUnavailableException when the driver or the browser does not start
     */
    public static FreshChromium launch(Kind kind) {
        return launch(kind, Map.of());
    }

    /**
     * As {@link #launch(Kind)}, with {@code browserEnvironment} added to the browser's environment (a faster clock,
     * say: see {@link FasterClock}).
     */
    public static FreshChromium launch(Kind kind, Map<String, String> browserEnvironment) {
        Optional<Path> executable = kind.systemExecutable();
        Path profile = emptyProfile();
        DriverCache.use();
        Playwright.CreateOptions create = new Playwright.CreateOptions();
        executable.ifPresent(path -> create.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Playwright playwright = null;
        try {
            playwright = Playwright.create(create);
            BrowserType.LaunchPersistentContextOptions launch = new BrowserType.LaunchPersistentContextOptions()
                    .setHeadless(true)
                    .setHandleSIGINT(false)
                    .setArgs(ChromiumEngine.ARGS);
            if (!browserEnvironment.isEmpty()) {
                Map<String, String> environment = new java.util.HashMap<>(System.getenv());
                environment.putAll(browserEnvironment);
                launch.setEnv(environment);
            }
            executable.ifPresentOrElse(launch::setExecutablePath, () -> {
                if (kind.managedChannel != null) {
                    launch.setChannel(kind.managedChannel);
                }
            });
            BrowserContext context = playwright.chromium().launchPersistentContext(profile, launch);
            // Its pages report blocked reads in Chromium's words, as the lab's own pages do.
            BrowserWords.register(context, ChromiumEngine.create(executable, BrowserOptions.HEADLESS));
            String where = executable.map(Path::toString).orElse("Playwright's own build");
            String version = version(context);
            return new FreshChromium(playwright, context, profile, kind.label() + " " + version + " (" + where + ")");
        } catch (PlaywrightException e) {
            if (playwright != null) {
                playwright.close();
            }
            LaunchedProfile.deleteQuietly(profile);
            throw new BrowserUnavailableException(
                    "the " + kind.label() + " did not start: " + LabBrowser.firstLine(e.getMessage()), e);
        }
    }

    /**
     * The full version, from DevTools: a persistent profile has no {@code Browser} to ask, and the full browser's user
     * agent string gives only the major version.
     */
    private static String version(BrowserContext context) {
        JsonObject answer = context.newCDPSession(context.pages().get(0)).send("Browser.getVersion");
        return answer.get("product").getAsString().replaceFirst("^[^/]*/", "");
    }

    /** Which build ran, its version and where it came from, for a report. */
    public String description() {
        return description;
    }

    /** A new page in the fresh profile, untouched by any setting. */
    public Page newPage() {
        return context.newPage();
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (PlaywrightException e) {
            // Gone with a crash; closing the driver ends whatever is left.
        }
        playwright.close();
        LaunchedProfile.deleteQuietly(profile);
    }

    private static Path emptyProfile() {
        try {
            return Files.createTempDirectory("same-origin-lab-fresh-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a browser profile", e);
        }
    }
}
