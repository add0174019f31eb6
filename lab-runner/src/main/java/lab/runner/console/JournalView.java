package lab.runner.console;

import java.util.List;
import java.util.Map;
import lab.victim.journal.JournalEntry;

/** A journal entry as the console's JSON shows it (times as ISO-8601 text). */
record JournalView(
        long seq,
        String time,
        String method,
        String path,
        String origin,
        String host,
        String secFetchSite,
        String secFetchMode,
        String referer,
        String userAgent,
        List<String> cookieNames,
        boolean sessionCookie,
        String user,
        Map<String, String> corsHeaders,
        int status,
        String refusedBy) {

    static JournalView of(JournalEntry e) {
        return new JournalView(
                e.seq(),
                String.valueOf(e.time()),
                e.method(),
                e.path(),
                e.origin(),
                e.host(),
                e.secFetchSite(),
                e.secFetchMode(),
                e.referer(),
                e.userAgent(),
                e.cookieNames(),
                e.sessionCookie(),
                e.user(),
                e.corsHeaders(),
                e.status(),
                e.refusedBy());
    }
}
