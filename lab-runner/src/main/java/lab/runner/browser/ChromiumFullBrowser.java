package lab.runner.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.journal.RequestTag;

/**
 * The full Chromium browser: one persistent profile per setting. A fresh full-browser profile blocks third-party
 * cookies, no command-line flag changes that, and DevTools' control does not reach frames it runs in other
 * processes (a sandboxed frame, in the null-origin lesson); the profile preference
 * {@code profile.cookie_controls_mode}, written to the profile's Preferences file before launch, does work
 * (0 allows all cookies; 1 blocks third-party cookies).
 */
final class ChromiumFullBrowser extends ChromiumEngine {

    /** Chromium's own user agent, learnt at the run's first launch. */
    private String ownUserAgent;

    ChromiumFullBrowser(Optional<Path> executable, BrowserOptions options) {
        super(executable, options);
    }

    @Override
    LaunchedProfile launchChromium(Playwright playwright, ThirdPartyCookies setting, String requestTag) {
        Path profile = createProfile(setting);
        try {
            if (ownUserAgent == null) {
                ownUserAgent = learnOwnUserAgent(playwright, profile);
            }
            // Chromium's own switch, not Playwright's context option: the full browser runs a sandboxed frame
            // (null-origin) in a process of its own, which the context option does not reach, while the switch
            // is the whole browser's user agent, in every process.
            List<String> args = new ArrayList<>(ARGS);
            args.add("--user-agent=" + RequestTag.append(ownUserAgent, requestTag));
            BrowserContext context = playwright.chromium().launchPersistentContext(profile, launchOptions(args));
            return LaunchedProfile.onDisk(context, profile);
        } catch (RuntimeException e) {
            // No browser started, so nothing writes to the profile any more.
            LaunchedProfile.deleteQuietly(profile);
            throw e;
        }
    }

    /**
     * A persistent profile takes its user agent at launch, before DevTools can say what Chromium's own is: the
     * first launch of a run asks it once, in a launch of the same profile with nothing overridden, and closes.
     * (Headed runs only, where one launch more is not felt.)
     */
    private String learnOwnUserAgent(Playwright playwright, Path profile) {
        BrowserContext plain = playwright.chromium().launchPersistentContext(profile, launchOptions(ARGS));
        try {
            return ownUserAgent(plain.newCDPSession(plain.pages().get(0)));
        } finally {
            plain.close();
        }
    }

    private BrowserType.LaunchPersistentContextOptions launchOptions(List<String> args) {
        BrowserType.LaunchPersistentContextOptions launch = new BrowserType.LaunchPersistentContextOptions()
                .setHeadless(!options.headed())
                .setSlowMo(options.slowMoMillis())
                // Ctrl-C is left to the runner, which closes the browser before the driver (LabBrowser).
                .setHandleSIGINT(false)
                .setArgs(args);
        executable.ifPresent(launch::setExecutablePath);
        return launch;
    }

    @Override
    String strategyName() {
        return "";
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
}
