package lab.runner.doctor;

import java.util.List;
import lab.runner.browser.BrowserUnavailableException;
import lab.runner.browser.FreshChromium;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * What a Chromium does with third-party cookies when nobody set anything: the workshop guide tells participants on
 * Chromium to allow them, and the lessons say that a fresh full-Chromium profile blocks them while the headless
 * shell (and Google Chrome's normal windows) allow them. This is a fact to report, not a setting to force: the
 * check launches the build of its kind in a new, empty profile (a second browser, with its own driver; measured
 * at 2 to 5 seconds each, login included, on the project's busy 2-core machine), logs Alice in with a {@code SameSite=None}
 * cookie and reads from the journal whether a cross-site credentialed fetch carried it.
 */
final class DefaultThirdPartyCookiesCheck implements Check {

    private static final String PATH = "/api/me";

    private final FreshChromium.Kind kind;

    DefaultThirdPartyCookiesCheck(FreshChromium.Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return "third-party-cookies-default-" + (kind == FreshChromium.Kind.FULL_BROWSER ? "full-browser" : "shell");
    }

    @Override
    public String expected() {
        return "a fresh " + kind.label() + " profile " + (allowsByDefault() ? "allows" : "blocks")
                + " third-party cookies: a SameSite=None cookie is " + (allowsByDefault() ? "sent" : "not sent")
                + " on a cross-site fetch";
    }

    /** What the lessons and the guide say: only the headless shell allows them out of the box. */
    private boolean allowsByDefault() {
        return kind == FreshChromium.Kind.HEADLESS_SHELL;
    }

    @Override
    public CheckResult measure(Probe probe) {
        probe.defences(Defences.WIDE_OPEN.with("samesite", "none"));
        long started = System.nanoTime();
        FreshChromium browser;
        try {
            browser = FreshChromium.launch(kind);
        } catch (BrowserUnavailableException e) {
            return result(false, e.getMessage());
        }
        try (browser;
                ProbePage page = new ProbePage(browser.newPage(), probe.victimOrigin())) {
            if (page.logInAsAlice().isEmpty()) {
                return result(false, browser.description() + ": the login stored no session cookie");
            }
            page.open(probe.attackerOriginAs("evil.localhost") + "/loot");
            long mark = probe.journalMark();
            page.fetch(probe.victimOrigin() + PATH, true);
            List<JournalEntry> arrived = probe.arrivedSince(mark, PATH);
            if (arrived.isEmpty()) {
                return result(false, browser.description() + ": the victim received no request for " + PATH);
            }
            JournalEntry entry = arrived.get(0);
            String seconds = String.format("%.1f", (System.nanoTime() - started) / 1e9);
            return result(
                    entry.sessionCookie() == allowsByDefault(),
                    browser.description() + " with no preference written: the victim received "
                            + Probe.describe(entry) + " (third-party cookies "
                            + (entry.sessionCookie() ? "allowed" : "blocked") + " by default; " + seconds
                            + " s with its launch)");
        }
    }
}
