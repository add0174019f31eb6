package lab.runner.cases;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import lab.runner.browser.PageReports;

/**
 * The console messages and script errors of the page that cases share, one case at a time. It listens for the
 * page's whole life (each listener added or removed costs a round trip to the browser) and records from each
 * case's first navigation on: whatever the last case's document still logs before that navigation replaces it
 * (a late network error, say) belongs to the last case, and Playwright delivers a page's events in the order
 * they happened.
 */
final class ConsoleRecorder {

    private List<String> messages = new ArrayList<>();
    private boolean recording;

    private ConsoleRecorder() {}

    /** Listens to {@code page} from now on; call {@link #startCase()} before each case. */
    static ConsoleRecorder listenTo(Page page) {
        ConsoleRecorder recorder = new ConsoleRecorder();
        page.onFrameNavigated(frame -> {
            if (frame.parentFrame() == null) {
                recorder.navigated();
            }
        });
        page.onConsoleMessage(message -> {
            // The runner's own messages (the page's reports) are not evidence.
            if (!PageReports.isReport(message.text())) {
                recorder.record(message.type() + ": " + message.text());
            }
        });
        page.onPageError(error -> recorder.record("pageerror: " + error));
        return recorder;
    }

    /** Forgets the last case's messages; the next main-frame navigation starts this case's. */
    synchronized void startCase() {
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

    /** What this case recorded so far, oldest first. */
    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    /** True once some message of this case satisfies {@code test}. */
    synchronized boolean any(Predicate<String> test) {
        return messages.stream().anyMatch(test);
    }
}
