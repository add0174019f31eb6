package lab.victim.journal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every request the victim received, newest last. Keeps a bounded window in memory so that a long-running
 * {@code serve} cannot grow without limit; the sequence numbers keep counting, so a reader can tell when
 * entries fell out of the window. Listeners (the console's live view) hear of each entry as it is recorded.
 */
public final class RequestJournal {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final Consumer<JournalEntry> archive;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();
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
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.archive = archive;
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
            entries.addLast(entry);
            if (entries.size() > capacity) {
                entries.removeFirst();
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

    /** Forgets every entry; numbering goes on, so marks taken before stay valid. */
    public synchronized void clear() {
        entries.clear();
    }
}
