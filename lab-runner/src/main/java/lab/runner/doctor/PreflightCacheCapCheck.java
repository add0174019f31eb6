package lab.runner.doctor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lab.runner.browser.BrowserUnavailableException;
import lab.runner.browser.FasterClock;
import lab.runner.browser.FreshChromium;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * The preflight-cache lesson's cap, measured instead of quoted: Chromium keeps a preflight answer for at most 7,200
 * seconds, whatever {@code Access-Control-Max-Age} asks for. Two hours cannot be waited for in a check, so the
 * check launches a second headless shell whose clocks run {@value #SPEED} times as fast (libfaketime), lets Flock
 * answer with {@code Access-Control-Max-Age: 86400}, and sends the same credentialed JSON {@code PUT} three times:
 * at once (a preflight), after 6,400 of the browser's seconds (none: the answer is still cached) and after 8,000
 * (a new preflight: the entry ended at the cap, long before the 86,400 seconds Flock allowed). The victim's
 * journal counts the preflights; the page's own clock says how fast it really ran.
 */
final class PreflightCacheCapCheck implements Check {

    static final int SPEED = 1_000;
    static final int CAP_SECONDS = 7_200;
    private static final int ASKED_SECONDS = 86_400;
    /** Browser seconds after the first preflight: one well inside the cap, one well past it (600 s each side). */
    private static final int INSIDE_SECONDS = CAP_SECONDS - 800;

    private static final int PAST_SECONDS = CAP_SECONDS + 800;
    private static final String PATH = "/api/settings/email";

    /** A credentialed JSON PUT, which needs a preflight; its answer does not matter, only what reached Flock. */
    private static final String PUT = """
            url => fetch(url, {method: 'PUT', credentials: 'include', headers: {'Content-Type': 'application/json'},
                               body: '{"email": ""}'}).then(r => r.status, e => String(e))""";

    @Override
    public String name() {
        return "preflight-cache-cap";
    }

    @Override
    public String expected() {
        return "with Access-Control-Max-Age: " + ASKED_SECONDS + ", Chromium reuses the preflight answer "
                + INSIDE_SECONDS + " s later and asks again " + PAST_SECONDS + " s later (its cap: " + CAP_SECONDS
                + " s), measured with the browser's clock " + SPEED + " times as fast";
    }

    @Override
    public CheckResult measure(Probe probe) {
        Optional<Path> library = FasterClock.library();
        if (library.isEmpty()) {
            return CheckResult.skipped(
                    name(),
                    expected(),
                    "not measured: libfaketime is not installed (Debian: apt-get install libfaketime)");
        }
        probe.defences(Defences.WIDE_OPEN.with("cors-max-age", String.valueOf(ASKED_SECONDS)));
        FreshChromium browser;
        try {
            browser = FreshChromium.launch(
                    FreshChromium.Kind.HEADLESS_SHELL, FasterClock.environment(library.get(), SPEED));
        } catch (BrowserUnavailableException e) {
            return result(false, e.getMessage());
        }
        try (browser;
                ProbePage page = new ProbePage(browser.newPage(), probe.victimOrigin())) {
            page.open(probe.attackerOriginAs("evil.localhost") + "/loot");
            // Each check run has an address of its own, so no cache entry of an earlier run can answer for it.
            String url = probe.victimOrigin() + PATH + "?doctor=" + System.nanoTime();
            long mark = probe.journalMark();

            page.evaluate(PUT, url);
            long first = System.nanoTime();
            double browserStart = browserMillis(page);
            int afterFirst = preflightsSince(probe, mark);

            sleepUntil(first, INSIDE_SECONDS);
            page.evaluate(PUT, url);
            int afterInside = preflightsSince(probe, mark) - afterFirst;

            sleepUntil(first, PAST_SECONDS);
            page.evaluate(PUT, url);
            double speed = (browserMillis(page) - browserStart) / ((System.nanoTime() - first) / 1e6);
            int afterPast = preflightsSince(probe, mark) - afterFirst - afterInside;

            String observed = String.format(
                    "preflights reaching Flock: %d at first, %d after %d s, %d after %d s; the browser's clock ran"
                            + " %.0f times as fast (%s)",
                    afterFirst, afterInside, INSIDE_SECONDS, afterPast, PAST_SECONDS, speed, browser.description());
            if (speed < SPEED / 2.0) {
                return result(false, observed + ": libfaketime did not speed up the browser, so nothing was measured");
            }
            return result(afterFirst == 1 && afterInside == 0 && afterPast == 1, observed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(false, "interrupted while waiting");
        }
    }

    /** The page's own clock, which runs at the browser's speed. */
    private static double browserMillis(ProbePage page) {
        return ((Number) page.evaluate("() => performance.now()", null)).doubleValue();
    }

    private static int preflightsSince(Probe probe, long mark) {
        List<JournalEntry> arrived = probe.arrivedSince(mark, PATH);
        return (int) arrived.stream().filter(e -> e.method().equals("OPTIONS")).count();
    }

    /** Waits until {@code browserSeconds} of the fast browser clock have passed since {@code start} (a nanoTime). */
    private static void sleepUntil(long start, int browserSeconds) throws InterruptedException {
        long dueNanos = start + browserSeconds * 1_000_000_000L / SPEED;
        long leftMillis = (dueNanos - System.nanoTime()) / 1_000_000;
        if (leftMillis > 0) {
            Thread.sleep(leftMillis);
        }
    }
}
