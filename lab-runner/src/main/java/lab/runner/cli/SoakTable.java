package lab.runner.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import lab.runner.bench.Soak;

/** Prints what {@code ./lab bench --soak} measured, beside its goals. */
final class SoakTable {

    /** The soak's goals: the heap grows by less than this, and no console answer is larger than that. */
    static final long HEAP_GROWTH_GOAL_BYTES = 64L * 1024 * 1024;

    static final long ANSWER_GOAL_BYTES = 1024 * 1024;

    private SoakTable() {}

    static void print(PrintWriter out, Soak.Figures f) {
        long growth = f.heapAfterBytes() - f.heapBeforeBytes();
        long largest = Math.max(f.largestJournalAnswerBytes(), f.largestLootAnswerBytes());
        out.printf(
                "Sent in %.1f s: %,d hostile requests to the victim (answers %s) and %,d loot posts of 60 KB (answers %s)%n",
                f.seconds(),
                total(f.hostileStatuses()),
                statuses(f.hostileStatuses()),
                total(f.lootStatuses()),
                statuses(f.lootStatuses()));
        out.printf(
                "Heap after a full GC: before %s, after %s, growth %s (goal: under %s): %s%n",
                mb(f.heapBeforeBytes()),
                mb(f.heapAfterBytes()),
                mb(growth),
                mb(HEAP_GROWTH_GOAL_BYTES),
                growth < HEAP_GROWTH_GOAL_BYTES ? "met" : "MISSED");
        out.printf("Heap after the console's reset: %s%n", mb(f.heapAfterResetBytes()));
        out.printf(
                "Largest console answers: /api/journal %,d bytes, /api/loot %,d bytes (goal: none over %s): %s%n",
                f.largestJournalAnswerBytes(),
                f.largestLootAnswerBytes(),
                mb(ANSWER_GOAL_BYTES),
                largest <= ANSWER_GOAL_BYTES ? "met" : "MISSED");
        out.printf(
                "Kept: journal %,d entries in memory (%,d older dropped), %,d rows in H2 (%,d dropped); loot %,d hauls"
                        + " (%,d dropped)%n",
                f.journalWindow(),
                f.journalDropped(),
                f.archiveRows(),
                f.archiveDropped(),
                f.lootKept(),
                f.lootDropped());
    }

    static boolean goalsMet(Soak.Figures f) {
        return f.heapAfterBytes() - f.heapBeforeBytes() < HEAP_GROWTH_GOAL_BYTES
                && Math.max(f.largestJournalAnswerBytes(), f.largestLootAnswerBytes()) <= ANSWER_GOAL_BYTES;
    }

    private static long total(Map<Integer, Long> statuses) {
        return statuses.values().stream().mapToLong(n -> n).sum();
    }

    private static String statuses(Map<Integer, Long> statuses) {
        return statuses.entrySet().stream()
                .map(e -> (e.getKey() == 0 ? "no answer" : e.getKey()) + " x " + String.format("%,d", e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
