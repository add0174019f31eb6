package lab.victim.defence;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name a mistyped one was most likely meant to be, so an error can say "did you mean 'cors'?" instead
 * of listing everything. Used for defence and preset names here and for scenario names by the command line.
 */
public final class DidYouMean {

    private DidYouMean() {}

    /**
     * The closest of {@code known} to {@code typed}: within a third of its length in single-letter edits (at least
     * two), or one that begins with it; empty when nothing is that close.
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            String candidate = name.toLowerCase(Locale.ROOT);
            int distance = candidate.startsWith(wanted) && wanted.length() >= 3 ? 1 : distance(wanted, candidate);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, wanted.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /**
     * The error for an unknown name: {@code unknown defence 'corss'; did you mean 'cors'? The defences: cors,
     * samesite.} (without the question when no known name is close).
     */
    public static String unknown(String what, String typed, Collection<String> known) {
        return "unknown " + what + " '" + typed + "'"
                + closest(typed, known)
                        .map(name -> "; did you mean '" + name + "'?")
                        .orElse(".")
                + " The " + what + "s: " + String.join(", ", known) + ".";
    }

    /** Levenshtein distance: single-letter insertions, deletions and substitutions (a swap counts as two). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
