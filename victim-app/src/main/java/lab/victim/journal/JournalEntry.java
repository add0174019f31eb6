package lab.victim.journal;

import java.time.Instant;
import java.util.Map;

/**
 * What the victim server received and answered for one request: the lab's proof of what really reached the
 * server, beside what the browser let the page read.
 *
 * @param seq           position in the journal, increasing by one per request (0 before it is recorded)
 * @param time          when it was recorded (null before)
 * @param origin        the {@code Origin} header as received, or null
 * @param host          the {@code Host} header as received
 * @param secFetchSite  the {@code Sec-Fetch-Site} header as received, or null
 * @param secFetchMode  the {@code Sec-Fetch-Mode} header as received, or null
 * @param sessionCookie whether a cookie naming a live session came with the request
 * @param user          the user that session belongs to, or null
 * @param corsHeaders   the {@code Access-Control-*} headers sent back
 * @param refusedBy     the defence that refused the request ({@code host-check}, ...), or null
 */
public record JournalEntry(long seq, Instant time, String method, String path, String origin, String host,
                           String secFetchSite, String secFetchMode, boolean sessionCookie, String user,
                           Map<String, String> corsHeaders, int status, String refusedBy) {

    public JournalEntry {
        corsHeaders = Map.copyOf(corsHeaders);
    }

    /** A request as observed, before the journal numbers it. */
    public static JournalEntry observed(String method, String path, String origin, String host, String secFetchSite,
                                       String secFetchMode, boolean sessionCookie, String user,
                                       Map<String, String> corsHeaders, int status, String refusedBy) {
        return new JournalEntry(0, null, method, path, origin, host, secFetchSite, secFetchMode, sessionCookie, user,
                corsHeaders, status, refusedBy);
    }

    JournalEntry stamped(long seq, Instant time) {
        return new JournalEntry(seq, time, method, path, origin, host, secFetchSite, secFetchMode, sessionCookie, user,
                corsHeaders, status, refusedBy);
    }
}
