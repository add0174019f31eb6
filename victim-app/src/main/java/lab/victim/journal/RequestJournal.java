package lab.victim.journal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Every request the victim received, newest last. Keeps a bounded window in memory so that a long-running
 * {@code serve} cannot grow without limit; the sequence numbers keep counting, so a reader can tell when
 * entries fell out of the window.
 */
public final class RequestJournal {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();
    private long nextSeq = 1;

    public RequestJournal() {
        this(DEFAULT_CAPACITY);
    }

    public RequestJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized JournalEntry record(String method, String path, String origin, String host, String secFetchSite,
                                            boolean sessionCookie, String user, Map<String, String> corsHeaders,
                                            int status) {
        JournalEntry entry = new JournalEntry(nextSeq++, Instant.now(), method, path, origin, host, secFetchSite,
                sessionCookie, user, corsHeaders, status);
        entries.addLast(entry);
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
        return entry;
    }

    /** The sequence number of the newest entry, 0 when nothing was recorded yet. */
    public synchronized long lastSeq() {
        return nextSeq - 1;
    }

    /** Entries recorded after {@code seq} that are still in the window, oldest first. */
    public synchronized List<JournalEntry> since(long seq) {
        List<JournalEntry> result = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (entry.seq() > seq) {
                result.add(entry);
            }
        }
        return result;
    }

    public synchronized void clear() {
        entries.clear();
    }
}
