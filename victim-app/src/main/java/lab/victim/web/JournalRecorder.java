package lab.victim.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import lab.victim.journal.RequestJournal;

/** Writes every request, with what it carried and what was answered, into the victim's journal. */
final class JournalRecorder {

    private final RequestJournal journal;

    JournalRecorder(RequestJournal journal) {
        this.journal = journal;
    }

    void record(Context ctx) {
        Map<String, String> corsHeaders = new LinkedHashMap<>();
        for (String name : ctx.res().getHeaderNames()) {
            if (name.regionMatches(true, 0, "Access-Control-", 0, "Access-Control-".length())) {
                corsHeaders.put(name, ctx.res().getHeader(name));
            }
        }
        String user = CurrentUser.of(ctx).orElse(null);
        journal.record(ctx.method().name(), ctx.path(), ctx.header("Origin"), ctx.header("Host"),
                ctx.header("Sec-Fetch-Site"), user != null, user, corsHeaders, ctx.statusCode());
    }
}
