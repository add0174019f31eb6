package lab.victim.journal;

import java.util.Map;

/**
 * Roughly how much memory a journal entry holds: its text, a character a byte (the JVM keeps Latin-1 text so),
 * plus a fixed share for the objects around it. The bounds on the journal count in these bytes, so that a
 * stranger's requests with huge headers fill the bound sooner rather than fill the memory.
 */
final class EntrySize {

    /** The record, its list and map, the string objects, the timestamp: measured at about this much. */
    static final int OVERHEAD = 400;

    private EntrySize() {}

    static long of(JournalEntry e) {
        long text = length(e.method())
                + length(e.path())
                + length(e.origin())
                + length(e.host())
                + length(e.secFetchSite())
                + length(e.secFetchMode())
                + length(e.referer())
                + length(e.userAgent())
                + length(e.user())
                + length(e.refusedBy());
        for (String name : e.cookieNames()) {
            text += length(name) + 16;
        }
        for (Map.Entry<String, String> header : e.corsHeaders().entrySet()) {
            text += length(header.getKey()) + length(header.getValue()) + 32;
        }
        return OVERHEAD + text;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
