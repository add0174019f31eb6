package lab.runner.lessons;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab console ({@code ./lab serve}, {@code http://lab.localhost:PORT}) as the trainer uses it: switch a
 * defence or pick a preset, and watch the live journal of what the victim received. The journal's rows are read
 * by their column headings, as a person reads the table.
 */
final class ConsolePage {

    /**
     * Every request row of the journal table as heading -> cell text, newest first (the console puts new rows on
     * top), with what the row's expandable details show: Method, Path, Origin and Host. Marker rows (defences
     * changed) and folded rows are not requests.
     */
    private static final String READ_JOURNAL = """
            () => {
              const headings = [...document.querySelectorAll('#journal thead th')].map(th => th.textContent.trim());
              return [...document.querySelectorAll('#journal tbody tr.entry')].map(row => Object.assign(
                  Object.fromEntries([...row.cells].map((cell, i) => [headings[i], cell.textContent.trim()])),
                  { 'Method': row.dataset.method, 'Path': row.dataset.path, 'Origin': row.dataset.origin,
                    'Host': row.dataset.host, 'Sec-Fetch-Site': row.dataset.secFetchSite }));
            }
            """;

    private final Page tab;

    private ConsolePage(Page tab) {
        this.tab = tab;
    }

    /** Opens the console and waits until it has loaded the defences and the journal. */
    static ConsolePage open(Page tab, String consoleOrigin) {
        tab.navigate(consoleOrigin + "/");
        tab.waitForSelector("body[data-ready]");
        return new ConsolePage(tab);
    }

    /** Picks a preset (wide-open, browser-defaults, hardened); returns the console's status line. */
    String choosePreset(String preset) {
        tab.click("#preset-" + preset);
        return awaitStatus("Applied preset " + preset);
    }

    /** Switches one defence with its drop-down, as the trainer does; returns the console's status line. */
    String switchDefence(String defence, String value) {
        tab.selectOption("#defence-" + defence, value);
        return awaitStatus("Applied " + defence + "=" + value);
    }

    /** The value the console shows for {@code defence}. */
    String defenceValue(String defence) {
        return tab.inputValue("#defence-" + defence);
    }

    private String awaitStatus(String words) {
        tab.waitForSelector("#status:has-text('" + words + "')");
        return tab.textContent("#status").strip();
    }

    /** Waits for the live journal to show a {@code method path} request, and returns the newest such row. */
    JournalRow awaitJournalRow(String method, String path) {
        tab.waitForCondition(() -> newestRow(method, path).isPresent());
        return newestRow(method, path).orElseThrow();
    }

    private Optional<JournalRow> newestRow(String method, String path) {
        return journal().stream()
                .filter(row -> row.method().equals(method) && row.path().equals(path))
                .findFirst();
    }

    /** The journal table as it is now, newest first. */
    @SuppressWarnings("unchecked")
    List<JournalRow> journal() {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) tab.evaluate(READ_JOURNAL);
        return rows.stream().map(JournalRow::new).toList();
    }

    Page tab() {
        return tab;
    }

    /** One row of the console's journal: "what the victim received", in the console's own words. */
    record JournalRow(Map<String, Object> cells) {

        String cell(String heading) {
            Object text = cells.get(heading);
            if (text == null) {
                throw new IllegalStateException(
                        "the console's journal has no column '" + heading + "'; it has " + cells.keySet());
            }
            return text.toString();
        }

        String method() {
            return cell("Method");
        }

        String path() {
            return cell("Path");
        }

        /** The Origin header, or "(none)". */
        String origin() {
            return cell("Origin");
        }

        String host() {
            return cell("Host");
        }

        /** "yes (alice)" when her session cookie came along, else "no". */
        String sessionCookie() {
            return cell("Session cookie?");
        }

        /** The Access-Control-* headers Flock sent back, as {@code Name: value} chips, or "(none)". */
        String corsHeadersReturned() {
            return cell("CORS headers returned");
        }

        /** The defence that refused the request, or empty. */
        String refusedBy() {
            return cell("Refused by");
        }

        String status() {
            return cell("Status");
        }
    }
}
