package lab.runner.console;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The changes of defences made in the console, each placed after the journal entry that was newest when it was
 * made, so that the journal can show a marker row there. The newest {@link #KEPT} are kept.
 */
final class DefenceChanges {

    static final int KEPT = 100;

    /**
     * One change.
     *
     * @param afterSeq the journal's newest entry when the change was made: the marker goes above it
     * @param change   what changed, for example {@code cors: reflect → allowlist}
     * @param samesite true when the session cookie's SameSite changed: cookies already issued keep the old value
     */
    record Change(long afterSeq, String time, String change, boolean samesite) {}

    private final Deque<Change> changes = new ArrayDeque<>();

    /** Records the change from {@code before} to {@code after}; null when nothing changed. */
    synchronized Change record(long afterSeq, Map<String, String> before, Map<String, String> after) {
        String change = after.entrySet().stream()
                .filter(e -> !Objects.equals(before.get(e.getKey()), e.getValue()))
                .map(e -> e.getKey() + ": " + before.get(e.getKey()) + " \u2192 " + e.getValue())
                .collect(Collectors.joining(", "));
        if (change.isEmpty()) {
            return null;
        }
        Change made = new Change(
                afterSeq,
                Instant.now().toString(),
                change,
                !Objects.equals(before.get("samesite"), after.get("samesite")));
        changes.addLast(made);
        while (changes.size() > KEPT) {
            changes.removeFirst();
        }
        return made;
    }

    /** Oldest first. */
    synchronized List<Change> all() {
        return List.copyOf(changes);
    }

    synchronized void clear() {
        changes.clear();
    }
}
