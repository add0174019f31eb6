package lab.runner.browser;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * What a lab page reports, delivered the moment the page reports it. The pages report by writing two
 * attributes on their body (the kit's {@code lab.finish()}, {@code lab.ask()} and {@code lab.pause()}):
 * {@code data-lab-result}, {@code data-lab-ask} for a question to the person at the keyboard, and
 * {@code data-lab-pause} for a step after which the page waits to be let go on ({@link #resume}). A small script that runs in every
 * document of the page watches them and hands each over as a console message of its own, which the browser sends
 * unasked; a main-frame navigation to another origin (a form post, say) ends the page's turn too. These messages
 * are the runner's, not the page's: {@link #isReport(String)} tells them apart from the page's evidence.
 *
 * <p>Why not poll from inside the page ({@code waitForFunction})? Each new document would first need Playwright's
 * injected script, several hundred kilobytes that the renderer compiles before the first poll: measured here,
 * about 13 ms of a case's 60, for both a lab page and a bare one. Why not a Playwright binding? Playwright answers
 * each call in the page, which keeps browser and driver busy into the next case: about 2 ms a case more.
 *
 * <p>One instance per page, listening for the page's whole life: {@link #of(Page)}, then {@link #expect(String)}
 * before each navigation it is to watch and {@link #next(Page, double)}.
 */
public final class PageReports {

    /** How the watcher's console messages begin: {@code lab-runner report: ["result","read","..."]}. */
    private static final String MARKER = "lab-runner report: ";

    /**
     * Runs in every document before its own scripts, and keeps the console and JSON functions it found then, so
     * that nothing the page does to them later changes what reaches the runner. Frames report nothing of their own
     * (only the page does), and a question is handed over once per document.
     */
    private static final String WATCHER = """
            (() => {
              if (window !== window.top) return;
              const debug = console.debug.bind(console);
              const stringify = JSON.stringify;
              const report = (kind, value, saw) => debug(%1$s + stringify([kind, value, saw]));
              let asked = false;
              let paused = null;
              const look = () => {
                const body = document.body;
                if (!body) return;
                const result = body.dataset.labResult;
                if (result) {
                  observer.disconnect();
                  const evidence = document.getElementById('lab-evidence');
                  report('result', result, evidence ? evidence.textContent : null);
                } else if (body.dataset.labAsk && !asked) {
                  asked = true;
                  report('ask', body.dataset.labAsk, null);
                } else if (body.dataset.labPause && body.dataset.labPause !== paused) {
                  paused = body.dataset.labPause;
                  report('pause', paused, null);
                }
              };
              // A message posted to the page (by a frame, say) is seen here before any listener of the page's own.
              window.addEventListener('message', event => report('message', String(event.origin), null), true);
              const observer = new MutationObserver(look);
              observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-lab-result', 'data-lab-ask', 'data-lab-pause'] });
              document.addEventListener('DOMContentLoaded', look);
            })();
            """.formatted(new Gson().toJson(MARKER));

    /** What the page said: a result (with the text of its evidence box), a question, or where it sent the browser. */
    public record Report(Kind kind, String value, String saw) {

        public enum Kind {
            RESULT,
            ASK,
            /** The page reached a step of its own ({@code lab.pause}) and waits for the runner to let it go on. */
            PAUSE,
            NAVIGATED_AWAY
        }
    }

    /** The instance of each page that has one, so that a page is listened to once whoever asks. */
    private static final Map<Page, PageReports> BY_PAGE = new WeakHashMap<>();

    private String expectedOrigin;
    /** False until the expected navigation has committed: anything earlier came from the document before it. */
    private boolean armed;

    private Report pending;

    /** The origins of the messages posted to the watched document, in the order they came. */
    private List<String> messageOrigins = new ArrayList<>();

    private PageReports() {}

    /** The reports of {@code page}: listened to from the first call on, for the page's whole life. */
    public static PageReports of(Page page) {
        synchronized (BY_PAGE) {
            return BY_PAGE.computeIfAbsent(page, PageReports::listenTo);
        }
    }

    private static PageReports listenTo(Page page) {
        PageReports reports = new PageReports();
        page.onConsoleMessage(message -> {
            String text = message.text();
            if (isReport(text)) {
                reports.reported(text.substring(MARKER.length()));
            }
        });
        page.addInitScript(WATCHER);
        page.onFrameNavigated(frame -> {
            if (frame.parentFrame() == null) {
                reports.navigated(frame.url());
            }
        });
        return reports;
    }

    /**
     * Forgets what earlier documents said: the next main-frame navigation is the page to watch, and a later one
     * away from {@code origin} ends its turn.
     */
    public synchronized void expect(String origin) {
        expectedOrigin = Objects.requireNonNull(origin);
        armed = false;
        pending = null;
        messageOrigins = new ArrayList<>();
    }

    /**
     * The origins of the {@code postMessage}s the watched document received so far (a framed widget talking to its
     * parent), seen by the runner's own listener, which runs before the page's: not what the page says it got.
     */
    public synchronized List<String> messageOrigins() {
        return List.copyOf(messageOrigins);
    }

    /**
     * Waits for the page's next report without a round trip to the browser: the watcher's console messages arrive
     * as events while Playwright waits.
     *
     * @throws TimeoutError when the page says nothing within {@code timeoutMillis}
     */
    public Report next(Page page, double timeoutMillis) {
        page.waitForCondition(this::hasPending, new Page.WaitForConditionOptions().setTimeout(timeoutMillis));
        return take();
    }

    private synchronized boolean hasPending() {
        return pending != null;
    }

    private synchronized Report take() {
        Report report = pending;
        // A result or a navigation ends the page's turn and stays; a question or a pause is answered once.
        if (report.kind() == Report.Kind.ASK || report.kind() == Report.Kind.PAUSE) {
            pending = null;
        }
        return report;
    }

    private synchronized void navigated(String url) {
        if (expectedOrigin == null) {
            return;
        }
        if (!armed) {
            armed = true;
        } else if (!isFinal(pending) && !expectedOrigin.equals(originOf(url))) {
            pending = new Report(Report.Kind.NAVIGATED_AWAY, url, null);
        }
    }

    /** Lets a page that paused at {@code step} go on ({@code lab.pause} resolves). */
    public static void resume(Page page, String step) {
        page.evaluate("step => { document.body.dataset.labResume = step; }", step);
    }

    /** True for the watcher's own console messages, which are not the page's evidence. */
    public static boolean isReport(String consoleText) {
        return consoleText != null && consoleText.startsWith(MARKER);
    }

    private synchronized void reported(String json) {
        if (!armed || isFinal(pending)) {
            return;
        }
        JsonArray fields;
        try {
            fields = JsonParser.parseString(json).getAsJsonArray();
        } catch (RuntimeException e) {
            return;
        }
        if (fields.size() != 3) {
            return;
        }
        String kind = text(fields.get(0));
        String value = text(fields.get(1));
        String saw = text(fields.get(2));
        if (kind == null || value == null) {
            return;
        }
        if (kind.equals("message")) {
            messageOrigins.add(value);
            return;
        }
        pending = switch (kind) {
            case "result" -> new Report(Report.Kind.RESULT, value, saw);
            case "ask" -> new Report(Report.Kind.ASK, value, null);
            case "pause" -> new Report(Report.Kind.PAUSE, value, null);
            default -> pending;
        };
    }

    private static String text(JsonElement field) {
        return field == null || field.isJsonNull() ? null : field.getAsString();
    }

    private static boolean isFinal(Report report) {
        return report != null && (report.kind() == Report.Kind.RESULT || report.kind() == Report.Kind.NAVIGATED_AWAY);
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
