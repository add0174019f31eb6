package lab.runner.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import lab.attacker.loot.Loot;
import lab.runner.LabServers;

/**
 * The console's journal and loot, a page at a time: each answer holds at most a page's count of items and
 * about {@link #MAX_ANSWER_BYTES}, whatever outside traffic put into them, and says how many older items the
 * bounded stores dropped.
 */
final class RecordPages {

    /** Journal entries an answer holds at most ({@code limit}); the console shows 300. */
    static final int MAX_JOURNAL_LIMIT = 500;
    /** Hauls an answer holds at most ({@code limit}). */
    static final int MAX_LOOT_LIMIT = 100;
    /**
     * Bytes of items an answer holds at most, its first item always included: one item is at most about 130 KB
     * (a haul of 64 KB, escaped), so no answer reaches 1 MB.
     */
    static final int MAX_ANSWER_BYTES = 512 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabServers servers;

    RecordPages(LabServers servers) {
        this.servers = servers;
    }

    /**
     * A page of the journal, oldest first.
     *
     * @param next     the {@code since} that continues after this page
     * @param more     whether the window holds entries after this page
     * @param dropped  how many older entries the window in memory dropped to its bounds
     * @param archiveDropped how many older rows the record in H2 dropped to its bounds
     */
    record JournalPage(
            List<JournalView> entries, long next, boolean more, long dropped, long archiveDropped, String note) {}

    /**
     * {@code GET /api/journal?since=N&limit=L}: the entries after N (the newest L when N is left out), oldest
     * first.
     */
    void journal(Context ctx) {
        String since = ctx.queryParam("since");
        if (since != null && !since.matches("\\d{1,18}")) {
            throw new BadRequestResponse("since must be a journal sequence number (0 or more)");
        }
        int limit = limit(ctx, 200, MAX_JOURNAL_LIMIT);
        var journal = servers.victim().journal();
        long after = since != null ? Long.parseLong(since) : Math.max(0, journal.lastSeq() - limit);
        List<JournalView> entries = fit(journal.since(after, limit), JournalView::of);
        long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).seq();
        long dropped = journal.dropped();
        long archiveDropped = servers.victim().journalArchive().dropped();
        String note = note(dropped, "older entries dropped from memory");
        if (archiveDropped > 0) {
            note = (note == null ? "" : note + "; ") + note(archiveDropped, "from the record in H2");
        }
        ctx.json(new JournalPage(entries, next, !journal.since(next, 1).isEmpty(), dropped, archiveDropped, note));
    }

    /**
     * A page of the loot, newest first.
     *
     * @param next the {@code before} that continues after this page
     * @param kept how many hauls the store keeps
     */
    record LootPage(List<LootView> loot, long next, boolean more, int kept, long dropped, String note) {}

    /** {@code GET /api/loot?before=ID&limit=L}: the hauls before ID (the newest when left out), newest first. */
    void loot(Context ctx) {
        String before = ctx.queryParam("before");
        if (before != null && !before.matches("\\d{1,18}")) {
            throw new BadRequestResponse("before must be a loot id (0 or more)");
        }
        int limit = limit(ctx, 20, MAX_LOOT_LIMIT);
        var store = servers.attacker().loot();
        List<Loot> newest = store.newestBefore(before == null ? Long.MAX_VALUE : Long.parseLong(before), limit);
        List<LootView> loot = fit(newest, LootView::of);
        long next = loot.isEmpty() ? 0 : loot.get(loot.size() - 1).id();
        boolean more = !loot.isEmpty() && !store.newestBefore(next, 1).isEmpty();
        ctx.json(new LootPage(
                loot, next, more, store.count(), store.dropped(), note(store.dropped(), "older hauls dropped")));
    }

    private static int limit(Context ctx, int byDefault, int max) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return byDefault;
        }
        if (!raw.matches("\\d{1,4}") || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > max) {
            throw new BadRequestResponse("limit must be a number from 1 to " + max);
        }
        return Integer.parseInt(raw);
    }

    /** The views of the items, in order, as many as fit in {@link #MAX_ANSWER_BYTES} (the first always). */
    private static <T, V> List<V> fit(List<T> items, Function<T, V> view) {
        List<V> result = new ArrayList<>();
        long bytes = 0;
        for (T item : items) {
            V v = view.apply(item);
            bytes += size(v);
            if (!result.isEmpty() && bytes > MAX_ANSWER_BYTES) {
                break;
            }
            result.add(v);
        }
        return result;
    }

    private static int size(Object view) {
        try {
            return JSON.writeValueAsBytes(view).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String note(long dropped, String what) {
        return dropped == 0 ? null : String.format("%,d %s", dropped, what);
    }
}
