package lab.runner.screens;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lab.runner.LabServers;
import lab.runner.LabSession;
import lab.runner.console.ConsoleServer;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;

/**
 * Takes the pictures the guide and README show, the same way every time, at the two screen sizes of a room
 * (1280x720 and 1024x768): the console with a theft, a defence change and a refusal in its journal (also in
 * presenter mode), Flock with a cookie older than its SameSite setting, Flock's refusal page, its login form
 * after a withheld cookie, its page for the wrong host name, and the attacker's prize page.
 */
public final class Screenshots {

    /** The two screen sizes: a projector's and an older laptop's. */
    public static final List<int[]> SIZES = List.of(new int[] {1280, 720}, new int[] {1024, 768});

    private final LabSession session;
    private final ConsoleServer console;
    private Path dir;

    public Screenshots(LabSession session, ConsoleServer console) {
        this.session = session;
        this.console = console;
    }

    private LabServers servers() {
        return session.servers();
    }

    /** Takes every picture into {@code dir}; returns the files written. */
    public List<Path> takeInto(Path dir) {
        try {
            this.dir = Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> written = new ArrayList<>();
        Page tab = session.browser().newPage(ThirdPartyCookies.ALLOWED);
        tab.setDefaultTimeout(20_000);
        try {
            stageTheStory(tab);
            Page consoleTab = openConsole();
            try {
                for (int[] size : SIZES) {
                    written.add(shoot(consoleTab, size, "console", page -> {}));
                }
                consoleTab.click("#journal tbody tr.entry");
                written.add(shoot(consoleTab, SIZES.get(0), "console-details", page -> {}));
                consoleTab.click("#journal tbody tr.entry");
                consoleTab.click("#presenter-toggle");
                for (int[] size : SIZES) {
                    written.add(shoot(consoleTab, size, "console-presenter", page -> {}));
                }
                consoleTab.click("#presenter-toggle");
            } finally {
                consoleTab.close();
            }
            for (int[] size : SIZES) {
                written.add(shoot(tab, size, "attack-page", this::stolenPrize));
                written.add(shoot(tab, size, "flock-cookie-samesite", this::flockWithAnOlderCookie));
                written.add(shoot(tab, size, "flock-refused", this::refusedFormPost));
                written.add(shoot(tab, size, "flock-login-why", this::withheldCookieLogin));
                written.add(shoot(tab, size, "flock-wrong-host", this::wrongHost));
            }
        } finally {
            tab.close();
            servers().victim().defences().set(Defences.WIDE_OPEN);
        }
        return written;
    }

    /** The console's journal gets a theft, a defence change, a blocked read and some of Alice's own page loads. */
    private void stageTheStory(Page tab) {
        servers().victim().defences().set(Defences.WIDE_OPEN);
        logInAsAlice(tab);
        tab.navigate(servers().victim().origin() + "/settings");
        theftPage(tab);
    }

    private Page openConsole() {
        Page consoleTab = session.browser().newPage(ThirdPartyCookies.ALLOWED);
        consoleTab.setDefaultTimeout(20_000);
        consoleTab.setViewportSize(1280, 720);
        consoleTab.navigate(console.origin() + "/");
        consoleTab.waitForSelector("body[data-ready]");
        consoleTab.selectOption("#defence-cors", "allowlist");
        consoleTab.waitForSelector("#status:has-text('Applied cors=allowlist')");
        Page again = session.browser().newPage(ThirdPartyCookies.ALLOWED);
        try {
            theftPage(again);
        } finally {
            again.close();
        }
        consoleTab.selectOption("#defence-fetch-metadata", "on");
        consoleTab.waitForSelector("#status:has-text('Applied fetch-metadata=on')");
        Page third = session.browser().newPage(ThirdPartyCookies.ALLOWED);
        try {
            theftPage(third);
        } finally {
            third.close();
        }
        consoleTab.waitForSelector("#journal tbody tr.entry:has-text('fetch-metadata')");
        servers().victim().defences().set(Defences.WIDE_OPEN);
        return consoleTab;
    }

    private void logInAsAlice(Page tab) {
        tab.navigate(servers().victim().origin() + "/login");
        tab.fill("#username", "alice");
        tab.fill("#password", "wonderland");
        tab.click("button[type=submit]");
        tab.waitForSelector("#private-profile");
    }

    private void theftPage(Page tab) {
        tab.navigate(servers().attacker().origin() + "/");
        tab.waitForSelector("body[data-lab-result]");
    }

    /** The prize page after a theft: wide open, Alice freshly logged in. */
    private void stolenPrize(Page tab) {
        servers().victim().defences().set(Defences.WIDE_OPEN);
        logInAsAlice(tab);
        theftPage(tab);
    }

    private void flockWithAnOlderCookie(Page tab) {
        servers().victim().defences().set(Defences.WIDE_OPEN);
        logInAsAlice(tab);
        servers().victim().defences().set(Defences.WIDE_OPEN.with("samesite=lax"));
        tab.navigate(servers().victim().origin() + "/");
        tab.waitForSelector("#renew-session");
    }

    /** A cross-site form post navigates Alice's tab to Flock, which refuses it. */
    private void refusedFormPost(Page tab) {
        servers().victim().defences().set(Defences.WIDE_OPEN);
        logInAsAlice(tab);
        servers().victim().defences().set(Defences.WIDE_OPEN.with("fetch-metadata=on"));
        crossSitePost(tab);
        tab.waitForSelector("#refusal");
    }

    /** With SameSite=Lax, the cross-site form post arrives without the cookie and Flock asks her to log in. */
    private void withheldCookieLogin(Page tab) {
        servers().victim().defences().set(Defences.WIDE_OPEN.with("samesite=lax"));
        logInAsAlice(tab);
        crossSitePost(tab);
        tab.waitForSelector("#login-why");
        servers().victim().defences().set(Defences.WIDE_OPEN);
    }

    private void crossSitePost(Page tab) {
        tab.navigate(servers().attacker().origin() + "/loot");
        tab.evaluate("""
                victim => {
                  const form = document.createElement('form');
                  form.method = 'POST';
                  form.action = victim + '/settings/email';
                  const email = document.createElement('input');
                  email.name = 'email';
                  email.value = 'mallory@evil.example';
                  form.append(email);
                  document.body.append(form);
                  form.submit();
                }""", servers().victim().origin());
        tab.waitForURL(url -> url.startsWith(servers().victim().origin()));
        servers().victim().database().restoreSeededEmails();
    }

    private void wrongHost(Page tab) {
        tab.navigate("http://localhost:" + servers().victim().port() + "/");
        tab.waitForSelector("#wrong-host");
    }

    private Path shoot(Page tab, int[] size, String name, Consumer<Page> prepare) {
        tab.setViewportSize(size[0], size[1]);
        prepare.accept(tab);
        Path file = dir.resolve(name + "-" + size[0] + "x" + size[1] + ".png");
        tab.screenshot(new Page.ScreenshotOptions().setPath(file));
        return file;
    }
}
