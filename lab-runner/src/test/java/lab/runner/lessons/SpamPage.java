package lab.runner.lessons;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An attacker's page of the catalogue ({@code /scenarios/ID/attack.html}) in Alice's tab. The page reports its
 * result on its {@code <body>} ({@code data-lab-result}: read, anonymous, failed, ...) and shows what its script
 * got in its "Backstage" box; why the browser refused something, Chromium tells only its console, which this
 * object listens to from the moment the tab opens.
 */
final class SpamPage {

    private final Page tab;
    private final String attackerOrigin;
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());

    SpamPage(Page tab, String attackerOrigin) {
        this.tab = tab;
        this.attackerOrigin = attackerOrigin;
        tab.onConsoleMessage(message -> console.add(message.text()));
    }

    /** Alice opens the attacker's page of {@code scenario} on the spam site. */
    SpamPage open(String scenario) {
        return openAt(attackerOrigin, scenario);
    }

    /** Alice opens the attacker's page of {@code scenario} under another of the attacker's names. */
    SpamPage openAt(String origin, String scenario) {
        console.clear();
        // Only until the document arrives: its script starts the attack at once, and may send the browser away
        // (a form post) before the page has finished loading.
        tab.navigate(
                origin + "/scenarios/" + scenario + "/attack.html",
                new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        return this;
    }

    /** Waits until the page's script is done, and returns its result: read, anonymous, failed, public or sent. */
    String awaitReport() {
        tab.waitForSelector("body[data-lab-result]");
        return tab.getAttribute("body", "data-lab-result");
    }

    /** What the page shows in its "Backstage" box: what the attacker's code got. */
    String backstage() {
        return tab.textContent("#lab-evidence").strip();
    }

    /**
     * Waits for the browser console's explanation containing {@code words}, and returns it: Chromium reports why
     * it refused a response there, a moment after the script saw only "Failed to fetch".
     */
    String awaitConsoleMessage(String words) {
        tab.waitForCondition(() -> consoleMessages().stream().anyMatch(m -> m.contains(words)));
        return consoleMessages().stream()
                .filter(m -> m.contains(words))
                .findFirst()
                .orElseThrow();
    }

    /** Every message the browser wrote to this tab's console since the page was opened. */
    List<String> consoleMessages() {
        synchronized (console) {
            return List.copyOf(console);
        }
    }

    /** Waits until the page has sent the browser to {@code origin} (a form post to the victim) and it loaded. */
    void awaitArrivalAt(String origin) {
        tab.waitForURL(url -> url.startsWith(origin + "/"));
        tab.waitForLoadState();
    }

    /** The text the browser shows now, wherever the page led it. */
    String visibleText() {
        return tab.innerText("body");
    }

    String url() {
        return tab.url();
    }

    Page tab() {
        return tab;
    }
}
