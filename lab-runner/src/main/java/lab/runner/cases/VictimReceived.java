package lab.runner.cases;

import java.util.List;
import java.util.Map;
import lab.victim.journal.JournalEntry;

/**
 * What the victim's journal recorded for the request that decides a case.
 *
 * @param sessionCookie whether a live session cookie came with it
 * @param origin        the {@code Origin} header the victim received (null when none)
 * @param corsHeaders   the {@code Access-Control-*} headers the victim answered with
 * @param refusedBy     the server defence that refused it, or null
 */
public record VictimReceived(
        String method,
        String path,
        boolean sessionCookie,
        String origin,
        String host,
        String referer,
        String userAgent,
        List<String> cookieNames,
        int status,
        Map<String, String> corsHeaders,
        String refusedBy) {

    static VictimReceived of(JournalEntry entry) {
        return new VictimReceived(
                entry.method(),
                entry.path(),
                entry.sessionCookie(),
                entry.origin(),
                entry.host(),
                entry.referer(),
                entry.userAgent(),
                entry.cookieNames(),
                entry.status(),
                entry.corsHeaders(),
                entry.refusedBy());
    }
}
