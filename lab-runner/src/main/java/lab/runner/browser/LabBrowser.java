package lab.runner.browser;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import lab.scenarios.ThirdPartyCookies;

/**
 * One headless Chromium for the run, launched on first use; each page follows the third-party cookie setting
 * its case names. How a page gets its setting depends on the browser:
 *
 * <ul>
 *   <li><b>Chromium's headless shell</b> (the default where installed, and Playwright's own headless browser):
 *   one profile, kept in memory as an Incognito window's is. The shell allows third-party cookies, as a normal
 *   Chrome window does; a page that is to block them gets DevTools' third-party cookie control
 *   ({@code Network.setCookieControls}, the "limit third-party cookies" switch of the DevTools Privacy panel),
 *   which makes the network stack treat third-party cookies of that page as blocked by the user, as Incognito
 *   does.</li>
 *   <li><b>The full browser</b> (headed runs, or where only it is installed): one persistent profile per
 *   setting. A fresh full-browser profile blocks third-party cookies, no command-line flag changes that, and
 *   DevTools' control does not reach frames it runs in other processes (a sandboxed frame, in the null-origin
 *   lesson); the profile preference {@code profile.cookie_controls_mode}, written before launch, does work
 *   (0 allows all cookies; 1 blocks third-party cookies).</li>
 * </ul>
 */
public final class LabBrowser implements AutoCloseable {

    /*
     * Ctrl-C reaches Playwright's driver as well as this process (they share the terminal's process group). Left to
     * itself the driver would close the browser and exit at once, under the runner's feet, leaving its temporary
     * profile directories behind; with SIGINT not handled there, this process's shutdown hook closes the browser
     * and then the driver, in that order (LaunchOptions.setHandleSIGINT(false) below).
     */

    /** Chromium's background services try to reach the internet, which a lab machine may not have. */
    private static final List<String> ARGS = List.of(
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic");

    private final Playwright playwright;
    private final Optional<Path> executable;
    private final BrowserOptions options;
    /** True for the headless shell: one profile, and the setting made per page through DevTools. */
    private final boolean perPageControls;

    private final Map<ThirdPartyCookies, BrowserContext> contexts = new EnumMap<>(ThirdPartyCookies.class);
    private final Map<ThirdPartyCookies, Path> profiles = new EnumMap<>(ThirdPartyCookies.class);
    /** Profiles of closed contexts, to delete when every browser process has ended. */
    private final List<Path> retiredProfiles = new ArrayList<>();
    /** The shell's browser processes, whose contexts live in memory (none for the full browser's profiles). */
    private final Map<ThirdPartyCookies, Browser> browsers = new EnumMap<>(ThirdPartyCookies.class);

    private final Map<ThirdPartyCookies, ControlledPage> casePages = new EnumMap<>(ThirdPartyCookies.class);
    private BrowserInfo info;

    private LabBrowser(Playwright playwright, Optional<Path> executable, BrowserOptions options) {
        this.playwright = playwright;
        this.executable = executable;
        this.options = options;
        // Playwright runs its own headless shell for a headless run of its managed Chromium.
        this.perPageControls = executable.map(BrowserLocator::isHeadlessShell).orElse(!options.headed());
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
            throw new BrowserUnavailableException(
                    "Playwright could not start"
                            + (executable.isEmpty() ? " or download its Chromium (is there internet access?)" : "")
                            + ": " + firstLine(e.getMessage())
                            + ". Install a Chromium (Debian: apt-get install chromium) "
                            + "or name one with --browser PATH.",
                    e);
        }
    }

    /**
     * The profile that pages of {@code setting} live in, launched the first time it is asked for (the same one
     * for both settings on the headless shell). Cookies live here, so a caller that needs a clean slate clears them.
     */
    public synchronized BrowserContext context(ThirdPartyCookies setting) {
        ThirdPartyCookies profileSetting = profileFor(setting);
        BrowserContext context = contexts.get(profileSetting);
        if (context == null) {
            context = launch(profileSetting);
            contexts.put(profileSetting, context);
            // A browser that crashed or was killed takes its profile with it: the next case launches a new one,
            // so one crash fails one case, not the rest of the run.
            BrowserContext launched = context;
            context.onClose(closed -> forget(profileSetting, launched));
        }
        return context;
    }

    private ThirdPartyCookies profileFor(ThirdPartyCookies setting) {
        return perPageControls ? ThirdPartyCookies.ALLOWED : setting;
    }

    /** A new page whose requests follow {@code setting}, in {@link #context(ThirdPartyCookies)}. */
    public Page newPage(ThirdPartyCookies setting) {
        return open(setting).page();
    }

    /**
     * The page cases of {@code setting} run in: one per setting, reused from case to case, since opening a page
     * costs the browser more than the navigation a case makes. A closed one is replaced. Each case navigates it
     * to a new document, so no script or state of the page itself is left from the last.
     */
    public synchronized Page casePage(ThirdPartyCookies setting) {
        ControlledPage current = casePages.get(setting);
        if (current == null || current.page().isClosed()) {
            current = open(setting);
            casePages.put(setting, current);
        }
        return current.page();
    }

    /**
     * A page of {@code setting}. The full browser's profile carries its setting, and the headless shell allows
     * third-party cookies unless told otherwise, as a normal Chrome window does: only a shell page that blocks them
     * needs DevTools. Such a page costs more (DevTools then sends every network event of the page through the
     * driver to this process: measured, several milliseconds a navigation), so no other page gets it.
     */
    private ControlledPage open(ThirdPartyCookies setting) {
        Page page = context(setting).newPage();
        if (!perPageControls || setting == ThirdPartyCookies.ALLOWED) {
            return new ControlledPage(page, null);
        }
        try {
            CDPSession devTools = page.context().newCDPSession(page);
            // The cookie controls belong to DevTools' network domain and take effect only while it is enabled.
            devTools.send("Network.enable");
            JsonObject controls = new JsonObject();
            controls.addProperty("enableThirdPartyCookieRestriction", true);
            // No exceptions: no grace period for sites that still need them and no heuristic grants after
            // pop-ups or redirects, as in Incognito and in browsers that block them outright.
            controls.addProperty("disableThirdPartyCookieMetadata", true);
            controls.addProperty("disableThirdPartyCookieHeuristics", true);
            devTools.send("Network.setCookieControls", controls);
            return new ControlledPage(page, devTools);
        } catch (PlaywrightException e) {
            try {
                page.close();
            } catch (PlaywrightException closing) {
                // Gone with its browser.
            }
            throw e;
        }
    }

    /** A page, and the DevTools session that makes it block third-party cookies (shell only), kept with it. */
    private record ControlledPage(Page page, CDPSession devTools) {}

    /**
     * Replaces the profile of {@code setting} with a newly launched one: for a browser found dead (crashed or
     * killed) before a case began. Playwright only learns of a crash at its next call, so the caller notices.
     */
    public synchronized BrowserContext relaunch(ThirdPartyCookies setting) {
        ThirdPartyCookies profileSetting = profileFor(setting);
        BrowserContext dead = contexts.get(profileSetting);
        if (dead != null) {
            try {
                dead.close();
            } catch (PlaywrightException e) {
                // It is gone already.
            }
            forget(profileSetting, dead);
        }
        closeQuietly(browsers.remove(profileSetting));
        return context(setting);
    }

    private synchronized void forget(ThirdPartyCookies profileSetting, BrowserContext closed) {
        contexts.remove(profileSetting, closed);
        casePages.values().removeIf(p -> p.page().context() == closed);
        Path profile = profiles.remove(profileSetting);
        if (profile != null) {
            // Deleted once the driver has ended: a browser that is closing may still be writing to it.
            retiredProfiles.add(profile);
        }
    }

    /** The browser's name and version, known once it has been launched. */
    public synchronized BrowserInfo info() {
        if (info == null) {
            context(ThirdPartyCookies.ALLOWED);
        }
        return info;
    }

    private BrowserContext launch(ThirdPartyCookies setting) {
        BrowserContext launched;
        try {
            launched = perPageControls ? launchInMemory(setting) : launchWithProfile(setting);
        } catch (PlaywrightException e) {
            throw new BrowserUnavailableException(
                    "Chromium did not start"
                            + executable.map(p -> " from " + p).orElse("") + ": " + firstLine(e.getMessage())
                            + ". Check that it runs (chromium --headless --version), or name another with --browser PATH.",
                    e);
        }
        if (info == null) {
            String version = launched.browser() != null
                    ? launched.browser().version()
                    : String.valueOf(launched.pages().get(0).evaluate("navigator.userAgent"));
            String name = executable.isPresent() ? "Chromium" : "Chromium (Playwright's managed build)";
            info = new BrowserInfo(
                    perPageControls ? name + " headless shell" : name,
                    version,
                    executable.map(Path::toString).orElse("managed by Playwright"));
        }
        return launched;
    }

    /**
     * The shell reads no profile preference, so its pages need no profile on disk: a context kept in memory, as
     * an Incognito window's is, which also spares every navigation the writes of an on-disk profile (history,
     * cookie database): measured, about 5 ms a navigation.
     */
    private BrowserContext launchInMemory(ThirdPartyCookies setting) {
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions()
                .setHeadless(!options.headed())
                .setSlowMo(options.slowMoMillis())
                .setHandleSIGINT(false)
                .setArgs(ARGS);
        executable.ifPresent(launch::setExecutablePath);
        Browser browser = playwright.chromium().launch(launch);
        browsers.put(setting, browser);
        return browser.newContext();
    }

    private BrowserContext launchWithProfile(ThirdPartyCookies setting) {
        Path profile = createProfile(setting);
        profiles.put(setting, profile);
        BrowserType.LaunchPersistentContextOptions launch = new BrowserType.LaunchPersistentContextOptions()
                .setHeadless(!options.headed())
                .setSlowMo(options.slowMoMillis())
                .setHandleSIGINT(false)
                .setArgs(ARGS);
        executable.ifPresent(launch::setExecutablePath);
        return playwright.chromium().launchPersistentContext(profile, launch);
    }

    private static void closeQuietly(Browser browser) {
        if (browser == null) {
            return;
        }
        try {
            browser.close();
        } catch (PlaywrightException e) {
            // Already gone with a crash; the driver's end takes whatever is left.
        }
    }

    /** A profile whose own preference is {@code setting}: the full browser reads it at launch. */
    private static Path createProfile(ThirdPartyCookies setting) {
        try {
            Path dir = Files.createTempDirectory("same-origin-lab-" + setting.key() + "-");
            Files.createDirectories(dir.resolve("Default"));
            int mode = setting == ThirdPartyCookies.ALLOWED ? 0 : 1;
            Files.writeString(
                    dir.resolve("Default").resolve("Preferences"),
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
            casePages.clear();
            browsers.values().forEach(LabBrowser::closeQuietly);
            browsers.clear();
        } finally {
            playwright.close();
            profiles.values().forEach(LabBrowser::deleteQuietly);
            profiles.clear();
            retiredProfiles.forEach(LabBrowser::deleteQuietly);
            retiredProfiles.clear();
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
