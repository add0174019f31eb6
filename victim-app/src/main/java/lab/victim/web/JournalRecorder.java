package lab.victim.web;

import io.javalin.http.Context;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.victim.journal.JournalEntry;
import lab.victim.journal.RequestJournal;

/** Writes every request, with what it carried and what was answered, into the victim's journal. */
final class JournalRecorder {

    private static final String CORS_PREFIX = "Access-Control-";

    private final RequestJournal journal;

    JournalRecorder(RequestJournal journal) {
        this.journal = journal;
    }

    void record(Context ctx) {
        Map<String, String> corsHeaders = new LinkedHashMap<>();
        for (String name : ctx.res().getHeaderNames()) {
            if (name.regionMatches(true, 0, CORS_PREFIX, 0, CORS_PREFIX.length())) {
                corsHeaders.put(name, ctx.res().getHeader(name));
            }
        }
        String user = CurrentSession.user(ctx).orElse(null);
        journal.record(JournalEntry.observed(
                ctx.method().name(),
                ctx.path(),
                ctx.header("Origin"),
                ctx.header("Host"),
                ctx.header("Sec-Fetch-Site"),
                ctx.header("Sec-Fetch-Mode"),
                ctx.header("Referer"),
                ctx.header("User-Agent"),
                cookieNames(ctx),
                user != null,
                user,
                corsHeaders,
                ctx.statusCode(),
                ctx.attribute(RefusedByDefence.ATTRIBUTE)));
    }

    /**
     * The names of the cookies the request carried, in the order the browser sent them, a name twice when two
     * cookies of that name came (a sibling subdomain's tossed cookie beside the site's own).
     */
    private static List<String> cookieNames(Context ctx) {
        Cookie[] cookies = ctx.req().getCookies();
        return cookies == null
                ? List.of()
                : Arrays.stream(cookies).map(Cookie::getName).toList();
    }
}
