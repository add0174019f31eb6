package lab.victim.journal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The lab browser's mark on its requests: a last product token {@code SameOriginLab/<32 hex digits>} in the
 * {@code User-Agent} the browser itself sends, random per browser (128 bits), so that the runner can tell the
 * requests its own browser sent from outside traffic (another tab, a script on the machine), which cannot guess it.
 *
 * <p>Why the User-Agent: it is the one request header the browser always sets itself, on every request, preflight
 * and frame, without it being an author header: carrying the tag there adds no CORS preflight, changes no cookie
 * and is invisible to the lessons' defences. A page could only copy it by reading its own
 * {@code navigator.userAgent}, and the only page that can is the case's own.
 */
public final class RequestTag {

    private static final String PRODUCT = "SameOriginLab/";
    private static final Pattern TAG = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestTag() {}

    /** A new random tag: 128 bits as 32 hex digits. */
    public static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code userAgent} with {@code tag} appended as its last product token. */
    public static String append(String userAgent, String tag) {
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("a request tag is 32 hex digits: " + tag);
        }
        return userAgent + " " + PRODUCT + tag;
    }

    /** The tag at the end of {@code userAgent}, or null when it carries none. */
    public static String of(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        int at = userAgent.lastIndexOf(PRODUCT);
        if (at < 0) {
            return null;
        }
        String tag = userAgent.substring(at + PRODUCT.length());
        return TAG.matcher(tag).matches() ? tag : null;
    }

    /** Whether {@code entry} came with {@code tag}: a request of the browser that owns it. */
    public static boolean carries(JournalEntry entry, String tag) {
        return tag != null && tag.equals(of(entry.userAgent()));
    }
}
