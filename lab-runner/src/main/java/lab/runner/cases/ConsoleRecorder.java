package lab.runner.cases;

import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The console messages and script errors of one case, from a page that cases share. It records from the
 * case's first navigation on: whatever the last case's document still logs before that navigation replaces it
 * (a late network error, say) belongs to the last case, and Playwright delivers a page's events in the order
 * they happened.
 */
final class ConsoleRecorder {

    private final Page page;
    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean recording;
    private final Consumer<Frame> onNavigated;
    private final Consumer<ConsoleMessage> onConsole;
    private final Consumer<String> onPageError;

    private ConsoleRecorder(Page page) {
        this.page = page;
        this.onNavigated = frame -> {
            if (frame.parentFrame() == null) {
                recording = true;
            }
        };
        this.onConsole = message -> record(message.type() + ": " + message.text());
        this.onPageError = error -> record("pageerror: " + error);
    }

    /** Starts listening to {@code page}; messages count from its next main-frame navigation. */
    static ConsoleRecorder attach(Page page) {
        ConsoleRecorder recorder = new ConsoleRecorder(page);
        page.onFrameNavigated(recorder.onNavigated);
        page.onConsoleMessage(recorder.onConsole);
        page.onPageError(recorder.onPageError);
        return recorder;
    }

    private void record(String message) {
        if (recording) {
            messages.add(message);
        }
    }

    /** What was recorded so far, oldest first. */
    List<String> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** True once some recorded message satisfies {@code test}. */
    boolean any(Predicate<String> test) {
        synchronized (messages) {
            return messages.stream().anyMatch(test);
        }
    }

    /** Stops listening; the page goes on to the next case. */
    void detach() {
        try {
            page.offFrameNavigated(onNavigated);
            page.offConsoleMessage(onConsole);
            page.offPageError(onPageError);
        } catch (PlaywrightException e) {
            // The page died with its browser; there is nothing left to listen to.
        }
    }
}
