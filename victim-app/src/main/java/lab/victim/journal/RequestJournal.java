package lab.victim.journal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every request the victim received, newest last. Keeps a bounded window in memory, bounded both in entries
 * and in bytes, so that a long-running {@code serve} cannot grow without limit whatever a stranger's tab sends;
 * the sequence numbers keep counting, so a reader can tell when entries fell out of the window, and
 * {@link #dropped()} says how many did. Listeners (the console's live view) hear of each entry as it is
 * recorded.
 */
public final class RequestJournal {

    /** Entries kept in memory at most: the runner reads only a case's few, the console shows the newest 200. */
    public static final int DEFAULT_CAPACITY = 10_000;
    /**
     * Bytes the window holds at most ({@link EntrySize}): 10,000 requests with headers of 8 KB each (the most the
     * server accepts) would hold 80 MB; this keeps them to 16 MB, about 2,000 such entries or all 10,000 plain ones.
     */
    public static final long WINDOW_MAX_BYTES = 16L * 1024 * 1024;

    private final int capacity;
    private final Consumer<JournalEntry> archive;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();
    private final Deque<Long> sizes = new ArrayDeque<>();
    private long bytes;
    private long dropped;
    private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();
    private long nextSeq = 1;

    public RequestJournal() {
        this(DEFAULT_CAPACITY);
    }

    public RequestJournal(int capacity) {
        this(capacity, entry -> {});
    }

    /** @param archive receives every entry as it is recorded (the full record, beyond the window) */
    public RequestJournal(int capacity, Consumer<JournalEntry> archive) {
        this(capacity, archive, 0);
    }

    /**
     * @param archive receives every entry as it is recorded (the full record, beyond the window)
     * @param lastSeq the sequence number the record already reached (0 for a new one): numbering goes on after it
     */
    public RequestJournal(int capacity, Consumer<JournalEntry> archive, long lastSeq) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.archive = archive;
        this.nextSeq = lastSeq + 1;
    }

    /** How many entries the window in memory holds at most. */
    public int capacity() {
        return capacity;
    }

    /** How many entries the window in memory holds now. */
    public synchronized int windowSize() {
        return entries.size();
    }

    /** Numbers and keeps an observed request, then tells the listeners. */
    public JournalEntry record(JournalEntry observed) {
        JournalEntry entry;
        synchronized (this) {
            entry = observed.stamped(nextSeq++, Instant.now());
            long size = EntrySize.of(entry);
            entries.addLast(entry);
            sizes.addLast(size);
            bytes += size;
            while (entries.size() > capacity || (bytes > WINDOW_MAX_BYTES && entries.size() > 1)) {
                entries.removeFirst();
                bytes -= sizes.removeFirst();
                dropped++;
            }
        }
        // Outside the lock: a slow listener must not hold up the requests being recorded.
        archive.accept(entry);
        for (Consumer<JournalEntry> listener : listeners) {
            try {
                listener.accept(entry);
            } catch (RuntimeException e) {
                // A listener's failure (a closed live view) must never fail the request being served.
            }
        }
        return entry;
    }

    /** Registers a listener; closing the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<JournalEntry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Roughly how many bytes the window holds now ({@link EntrySize}). */
    public synchronized long windowBytes() {
        return bytes;
    }

    /** How many older entries fell out of the window (to its bounds) since it was last cleared. */
    public synchronized long dropped() {
        return dropped;
    }

    /** The sequence number of the newest entry, 0 when nothing was recorded yet. */
    public synchronized long lastSeq() {
        return nextSeq - 1;
    }

    /** Entries recorded after {@code seq} that are still in the window, oldest first. */
    public synchronized List<JournalEntry> since(long seq) {
        return since(seq, Integer.MAX_VALUE);
    }

    /** At most {@code limit} entries recorded after {@code seq} that are still in the window, oldest first. */
    public synchronized List<JournalEntry> since(long seq, int limit) {
        List<JournalEntry> result = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (entry.seq() > seq) {
                if (result.size() == limit) {
                    break;
                }
                result.add(entry);
            }
        }
        return result;
    }

    /** Forgets every entry; numbering goes on, so marks taken before stay valid. */
    public synchronized void clear() {
        entries.clear();
        sizes.clear();
        bytes = 0;
        dropped = 0;
    }
}
