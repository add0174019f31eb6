package lab.attacker.loot;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How much loot the store keeps: anyone's page can post to {@code /collect}, so the store keeps the newest
 * hauls within a count and a size, deletes the oldest past either, and counts what it deleted. The lessons'
 * pages send one haul of about a kilobyte per case; these bounds are far above a workshop's day.
 */
public final class LootBounds {

    /** The largest haul kept, in characters: as large as the attacker's backend accepts a body (64 KB). */
    public static final int MAX_PAYLOAD_CHARS = 64 * 1024;
    /** Hauls kept at most. */
    public static final int MAX_HAULS = 1_000;
    /** Characters of payload kept at most, all hauls together: 8 MB of text, about 16 MB of memory in H2. */
    public static final long MAX_TOTAL_CHARS = 8L * 1024 * 1024;

    /** Id and size of each haul kept, oldest first. */
    private final Deque<long[]> kept = new ArrayDeque<>();

    private long totalChars;
    private long dropped;

    /** Notes a haul kept; returns the id of the newest haul to delete to stay within the bounds, or 0 for none. */
    synchronized long add(long id, int chars) {
        kept.addLast(new long[] {id, chars});
        totalChars += chars;
        long deleteUpTo = 0;
        while (kept.size() > 1 && (kept.size() > MAX_HAULS || totalChars > MAX_TOTAL_CHARS)) {
            long[] oldest = kept.removeFirst();
            totalChars -= oldest[1];
            dropped++;
            deleteUpTo = oldest[0];
        }
        return deleteUpTo;
    }

    /** How many hauls were deleted to stay within the bounds since the store was last cleared. */
    synchronized long dropped() {
        return dropped;
    }

    synchronized int count() {
        return kept.size();
    }

    synchronized long totalChars() {
        return totalChars;
    }

    /** Starts counting drops afresh (after trimming what an earlier run kept). */
    synchronized void forgetDropped() {
        dropped = 0;
    }

    synchronized void clear() {
        kept.clear();
        totalChars = 0;
        dropped = 0;
    }
}
