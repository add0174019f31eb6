package lab.runner.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.scenarios.BrowserPermission;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.journal.RequestTag;

/**
 * The run's browser, launched on first use: one {@link BrowserEngine} behind it, and each page following the
 * third-party cookie setting its case names. Whatever does not depend on the engine lives here: a launched profile
 * per setting the engine groups, the page cases reuse, a new launch after a crash, and closing everything in order.
 */
public final class LabBrowser implements AutoCloseable {

    /*
     * Ctrl-C reaches Playwright's driver as well as this process (they share the terminal's process group). Left to
     * itself the driver would close the browser and exit at once, under the runner's feet, leaving its temporary
     * profile directories behind; with SIGINT not handled there (each engine launches with
     * LaunchOptions.setHandleSIGINT(false)), this process's shutdown hook closes the browser and then the driver,
     * in that order.
     */

    private final Playwright playwright;
    private final String engineKey;
    private final BrowserEngine engine;

    private final Map<ThirdPartyCookies, LaunchedProfile> profiles = new EnumMap<>(ThirdPartyCookies.class);
    /** Profiles of closed contexts, whose directories are deleted once every browser process has ended. */
    private final List<LaunchedProfile> retired = new ArrayList<>();

    private final Map<ThirdPartyCookies, Page> casePages = new EnumMap<>(ThirdPartyCookies.class);
    /** Each profile's User-Agent (the browser's own with the tag), for the fresh contexts made beside it. */
    private final Map<ThirdPartyCookies, String> userAgents = new EnumMap<>(ThirdPartyCookies.class);
    /** What every request of this browser carries, and nothing else's ({@link RequestTag}); fixed for its life. */
    private final String requestTag = RequestTag.random();

    private BrowserInfo info;

    private LabBrowser(Playwright playwright, String engineKey, BrowserEngine engine) {
        this.playwright = playwright;
        this.engineKey = engineKey;
        this.engine = engine;
    }

    /** Starts Playwright's driver for Chromium at {@code executable}, or Playwright's managed Chromium when empty. */
    public static LabBrowser start(Optional<Path> executable) {
        return start(executable, BrowserOptions.HEADLESS);
    }

    /** As {@link #start(Optional)}, with a headed or slowed-down window. */
    public static LabBrowser start(Optional<Path> executable, BrowserOptions browserOptions) {
        return start(BrowserEngines.DEFAULT, executable, browserOptions);
    }

    /** Starts Playwright's driver for the engine registered as {@code engineKey} in {@link BrowserEngines}. */
    public static LabBrowser start(String engineKey, Optional<Path> executable, BrowserOptions browserOptions) {
        browserOptions.requireDisplayIfHeaded();
        BrowserEngine engine = BrowserEngines.create(engineKey, executable, browserOptions);
        DriverCache.use();
        Playwright.CreateOptions options = new Playwright.CreateOptions();
        if (executable.isPresent()) {
            // A system browser is used as is: never try to download one (there may be no internet).
            options.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        }
        try {
            return new LabBrowser(Playwright.create(options), engineKey, engine);
        } catch (PlaywrightException e) {
            throw new BrowserUnavailableException(
                    "Playwright could not start"
                            + (executable.isEmpty() ? " or download its browser (is there internet access?)" : "")
                            + ": " + firstLine(e.getMessage()) + ". " + engine.installHint(),
                    e);
        }
    }

    /** The key the engine is registered under in {@link BrowserEngines}: the engine a case's expectations name. */
    public String engineKey() {
        return engineKey;
    }

    /**
     * The tag in the {@code User-Agent} of every request this browser sends (a relaunch keeps it): the victim's
     * journal entries that carry it are this browser's, all others outside traffic.
     */
    public String requestTag() {
        return requestTag;
    }

    /** The engine behind this browser: how it groups settings into profiles, and its other ways. */
    public BrowserEngine engine() {
        return engine;
    }

    /** Whether the profile pages of {@code setting} open in is launched (and so costs no launch). */
    public synchronized boolean hasProfile(ThirdPartyCookies setting) {
        return profiles.containsKey(engine.profileFor(setting));
    }

    /**
     * The context that pages of {@code setting} live in, launched the first time it is asked for (one context may
     * serve both settings: {@link BrowserEngine#profileFor}). Cookies live here, so a caller that needs a clean
     * slate clears them.
     */
    public synchronized BrowserContext context(ThirdPartyCookies setting) {
        ThirdPartyCookies profileSetting = engine.profileFor(setting);
        LaunchedProfile profile = profiles.get(profileSetting);
        if (profile == null) {
            profile = engine.launch(playwright, profileSetting, requestTag);
            profiles.put(profileSetting, profile);
            BrowserWords.register(profile.context(), engine);
            if (info == null) {
                info = engine.describe(profile);
            }
            // A browser that crashed or was killed takes its profile with it: the next case launches a new one,
            // so one crash fails one case, not the rest of the run.
            LaunchedProfile launched = profile;
            profile.context().onClose(closed -> forget(profileSetting, launched));
        }
        return profile.context();
    }

    /** A new page whose requests follow {@code setting}, in {@link #context(ThirdPartyCookies)}. */
    public Page newPage(ThirdPartyCookies setting) {
        Page page = context(setting).newPage();
        try {
            engine.preparePage(page, setting);
            // A window the page opens is a page of its own, and gets the same setting: a per-page control (the
            // headless shell's third-party cookie blocking) would otherwise not follow Alice into it.
            // The lab kit's lab.openWindow() opens it empty and waits to load its page until it hears that (a
            // window's first request may come before a control given it later applies).
            page.onPopup(popup -> {
                engine.preparePage(popup, setting);
                page.evaluate("() => window.dispatchEvent(new Event('lab-window-ready'))");
            });
            return page;
        } catch (PlaywrightException e) {
            try {
                page.close();
            } catch (PlaywrightException closing) {
                // Gone with its browser.
            }
            throw e;
        }
    }

    /**
     * The page cases of {@code setting} run in: one per setting, reused from case to case, since opening a page
     * costs the browser more than the navigation a case makes. A closed one is replaced. Each case navigates it
     * to a new document, so no script or state of the page itself is left from the last.
     */
    public synchronized Page casePage(ThirdPartyCookies setting) {
        Page current = casePages.get(setting);
        if (current == null || current.isClosed()) {
            current = newPage(setting);
            casePages.put(setting, current);
        }
        return current;
    }

    /**
     * A page in a context of its own, sharing nothing with any earlier page: no cookies, storage, cache or
     * service workers (a delivery of a learner's exploit starts from this). Its requests carry the run's tag and
     * follow {@code setting}. Closing the page's context ends it all. A persistent profile (the full Chromium
     * browser) has one context only: there the page opens in it after its cookies and permissions are cleared
     * (its storage is not: deliveries use the in-memory profiles of the default strategy and of Firefox).
     */
    public synchronized Page freshPage(ThirdPartyCookies setting) {
        BrowserContext shared = context(setting);
        Browser browser = shared.browser();
        if (browser == null) {
            shared.clearCookies();
            shared.clearPermissions();
            return newPage(setting);
        }
        String userAgent = userAgents.computeIfAbsent(
                engine.profileFor(setting),
                s -> String.valueOf(casePage(setting).evaluate("navigator.userAgent")));
        BrowserContext fresh = browser.newContext(new Browser.NewContextOptions().setUserAgent(userAgent));
        BrowserWords.register(fresh, engine);
        Page page = fresh.newPage();
        try {
            engine.preparePage(page, setting);
            return page;
        } catch (PlaywrightException e) {
            fresh.close();
            throw e;
        }
    }

    /**
     * Replaces the profile of {@code setting} with a newly launched one: for a browser found dead (crashed or
     * killed) before a case began. Playwright only learns of a crash at its next call, so the caller notices.
     */
    public synchronized BrowserContext relaunch(ThirdPartyCookies setting) {
        ThirdPartyCookies profileSetting = engine.profileFor(setting);
        LaunchedProfile dead = profiles.get(profileSetting);
        if (dead != null) {
            dead.closeQuietly();
            forget(profileSetting, dead);
        }
        return context(setting);
    }

    private synchronized void forget(ThirdPartyCookies profileSetting, LaunchedProfile closed) {
        if (profiles.remove(profileSetting, closed)) {
            retired.add(closed);
        }
        casePages.values().removeIf(p -> p.context() == closed.context());
    }

    /**
     * Grants the pages of {@code setting} the case's browser permissions, as Alice would when the browser asks her;
     * those this engine does not have are left out (it has no such check). Returns whether anything was granted,
     * which {@link #revokePermissions} then takes back before the next case.
     */
    public boolean grantPermissions(ThirdPartyCookies setting, List<BrowserPermission> permissions) {
        List<String> names = permissions.stream()
                .map(engine::permissionName)
                .flatMap(Optional::stream)
                .toList();
        if (names.isEmpty()) {
            return false;
        }
        context(setting).grantPermissions(names);
        return true;
    }

    /** Takes back every permission granted to the pages of {@code setting}. */
    public void revokePermissions(ThirdPartyCookies setting) {
        context(setting).clearPermissions();
    }

    /** The browser's name and version, known once it has been launched. */
    public synchronized BrowserInfo info() {
        if (info == null) {
            context(ThirdPartyCookies.ALLOWED);
        }
        return info;
    }

    /** Closes every profile and the driver (which ends the browser processes) and deletes the profiles. */
    @Override
    public synchronized void close() {
        try {
            // A copy: closing a context removes it from the map (see forget).
            List.copyOf(profiles.values()).forEach(LaunchedProfile::closeQuietly);
            retired.addAll(profiles.values());
            profiles.clear();
            casePages.clear();
        } finally {
            playwright.close();
            retired.forEach(LaunchedProfile::deleteDirectory);
            retired.clear();
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        return message.strip().lines().findFirst().orElse(message);
    }
}
