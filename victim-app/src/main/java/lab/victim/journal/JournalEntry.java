package lab.victim.journal;

import java.time.Instant;
import java.util.List;
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
 * @param referer       the {@code Referer} header as received, or null
 * @param userAgent     the {@code User-Agent} header as received, or null
 * @param cookieNames   the names of the cookies that came with it (never their values)
 * @param sessionCookie whether a cookie naming a live session came with the request
 * @param user          the user that session belongs to, or null
 * @param corsHeaders   the {@code Access-Control-*} headers sent back
 * @param refusedBy     the defence that refused the request ({@code host-check}, ...), or null
 */
public record JournalEntry(
        long seq,
        Instant time,
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

    public JournalEntry {
        cookieNames = List.copyOf(cookieNames);
        corsHeaders = Map.copyOf(corsHeaders);
    }

    /** A request as observed, before the journal numbers it. */
    public static JournalEntry observed(
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
        return new JournalEntry(
                0,
                null,
                method,
                path,
                origin,
                host,
                secFetchSite,
                secFetchMode,
                referer,
                userAgent,
                cookieNames,
                sessionCookie,
                user,
                corsHeaders,
                status,
                refusedBy);
    }

    /** A plain observed request, for tests and tools: only method, path, origin, session and status. */
    public static JournalEntry observed(
            String method, String path, String origin, boolean sessionCookie, String user, int status) {
        return observed(
                method,
                path,
                origin,
                "social.localhost",
                null,
                null,
                null,
                null,
                List.of(),
                sessionCookie,
                user,
                Map.of(),
                status,
                null);
    }

    JournalEntry stamped(long seq, Instant time) {
        return new JournalEntry(
                seq,
                time,
                method,
                path,
                origin,
                host,
                secFetchSite,
                secFetchMode,
                referer,
                userAgent,
                cookieNames,
                sessionCookie,
                user,
                corsHeaders,
                status,
                refusedBy);
    }
}
