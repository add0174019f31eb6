package lab.runner.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * What the browser itself says to a page: its console messages, the page's script errors and its failed requests
 * (as {@code requestfailed: <failure text> <url>}), where engines report a blocked read (Chromium in the console,
 * Firefox as page errors) or a blocked response (Chromium's ORB only as a failed request), recorded one case at a
 * time. It
 * listens for the page's whole life (each listener added or removed costs a round trip to the browser) and, after
 * {@link #startCase()}, records from the case's first navigation on: whatever the last case's document still logs
 * before that navigation replaces it (a late network error, say) belongs to the last case, and Playwright
 * delivers a page's events in the order they happened. The runner's own messages ({@link PageReports}) are left
 * out: they are not the page's evidence.
 */
public final class BrowserWords {

    /** The engine of each context {@link LabBrowser} launched: it knows how its browser words a blocked read. */
    private static final Map<BrowserContext, BrowserEngine> ENGINES = new WeakHashMap<>();

    /** The recorder of each page that has one, so that a page is listened to once whoever asks. */
    private static final Map<Page, BrowserWords> BY_PAGE = new WeakHashMap<>();

    private final BrowserEngine engine;
    private List<String> messages = new ArrayList<>();
    private boolean recording = true;

    private BrowserWords(BrowserEngine engine) {
        this.engine = engine;
    }

    static void register(BrowserContext context, BrowserEngine engine) {
        synchronized (ENGINES) {
            ENGINES.put(context, engine);
        }
    }

    /** The words of {@code page}, a page of a {@link LabBrowser}: recorded from the first call on. */
    public static BrowserWords of(Page page) {
        BrowserEngine engine;
        synchronized (ENGINES) {
            engine = ENGINES.get(page.context());
        }
        if (engine == null) {
            throw new IllegalStateException("not a page of the lab's browser: " + page.url());
        }
        synchronized (BY_PAGE) {
            return BY_PAGE.computeIfAbsent(page, p -> new BrowserWords(engine).listenTo(p));
        }
    }

    private BrowserWords listenTo(Page page) {
        page.onFrameNavigated(frame -> {
            if (frame.parentFrame() == null) {
                navigated();
            }
        });
        page.onConsoleMessage(message -> {
            if (!PageReports.isReport(message.text())) {
                record(message.type() + ": " + message.text());
            }
        });
        page.onPageError(error -> record("pageerror: " + engine.pageErrorText(String.valueOf(error))));
        // Some refusals reach neither the console nor the page's errors: Chromium's Opaque Response Blocking
        // leaves only the failed request (net::ERR_BLOCKED_BY_ORB) and a DevTools issue.
        page.onRequestFailed(request -> record(failedRequest(request.failure(), request.url())));
        return this;
    }

    /** A failed request as recorded: {@code requestfailed: <the browser's failure text> <url>}. */
    static String failedRequest(String failure, String url) {
        return "requestfailed: " + failure + " " + url;
    }

    /** Forgets the last case's words; the next main-frame navigation starts this case's. */
    public synchronized void startCase() {
        messages = new ArrayList<>();
        recording = false;
    }

    private synchronized void navigated() {
        recording = true;
    }

    private synchronized void record(String message) {
        if (recording) {
            messages.add(message);
        }
    }

    /** What this case recorded so far, oldest first, as {@code type: text}. */
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    /** The browser's explanation of a blocked read, in its engine's words, if it gave one. */
    public synchronized Optional<String> blockedRead() {
        return messages.stream().filter(engine::explainsBlockedRead).findFirst();
    }

    /** The first message containing {@code fragment}, if any. */
    public synchronized Optional<String> containing(String fragment) {
        return messages.stream().filter(m -> m.contains(fragment)).findFirst();
    }

    /** The reason alone in the browser's explanation of a blocked read, without the URLs around it. */
    public String reasonIn(String explanation) {
        return engine.blockedReadReason(explanation);
    }

    /**
     * Waits up to {@code timeoutMillis} for the explanation of a blocked read: the browser may give it just after
     * the script saw the failure. Returns at once when it is there already.
     */
    public void awaitBlockedRead(Page page, double timeoutMillis) {
        awaitMessage(page, engine::explainsBlockedRead, timeoutMillis);
    }

    /** As {@link #awaitBlockedRead}, for the first message containing {@code fragment}. */
    public void awaitContaining(Page page, String fragment, double timeoutMillis) {
        awaitMessage(page, m -> m.contains(fragment), timeoutMillis);
    }

    private void awaitMessage(Page page, java.util.function.Predicate<String> test, double timeoutMillis) {
        try {
            page.waitForCondition(() -> anyMessage(test), new Page.WaitForConditionOptions().setTimeout(timeoutMillis));
        } catch (PlaywrightException e) {
            // Nothing came: the caller reports its absence.
        }
    }

    private synchronized boolean anyMessage(java.util.function.Predicate<String> test) {
        return messages.stream().anyMatch(test);
    }
}
