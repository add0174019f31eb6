package lab.victim.journal;

import java.time.Instant;
import java.util.Map;

/**
 * What the victim server received and answered for one request: the lab's proof of what really reached the
 * server, beside what the browser let the page read.
 *
 * @param seq           position in the journal, increasing by one per request
 * @param origin        the {@code Origin} header as received, or null
 * @param host          the {@code Host} header as received
 * @param secFetchSite  the {@code Sec-Fetch-Site} header as received, or null
 * @param sessionCookie whether a cookie naming a live session came with the request
 * @param user          the user that session belongs to, or null
 * @param corsHeaders   the {@code Access-Control-*} headers sent back
 */
public record JournalEntry(long seq, Instant time, String method, String path, String origin, String host,
                           String secFetchSite, boolean sessionCookie, String user, Map<String, String> corsHeaders,
                           int status) {

    public JournalEntry {
        corsHeaders = Map.copyOf(corsHeaders);
    }
}
