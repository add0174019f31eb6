package lab.victim.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A live login.
 *
 * @param id               the session cookie's value
 * @param csrfToken        the synchronizer token that state-changing requests must carry when csrf-token=on
 * @param cookieAttributes the attributes the session cookie was issued with (for example {@code "; SameSite=Lax"}),
 *                         or null when not known: the browser keeps them for the cookie's life, whatever the server's
 *                         setting becomes
 */
public record Session(String id, String user, String csrfToken, String cookieAttributes) {

    private static final Pattern SAME_SITE = Pattern.compile("SameSite=(\\w+)", Pattern.CASE_INSENSITIVE);

    public Session(String id, String user, String csrfToken) {
        this(id, user, csrfToken, null);
    }

    /** The SameSite value the cookie was issued with ("None", "Lax", "Strict" or "unset"), or null when not known. */
    public String issuedSameSite() {
        return cookieAttributes == null ? null : sameSiteOf(cookieAttributes);
    }

    /** The SameSite value in cookie attributes such as {@code "; SameSite=None; Secure"}, or "unset" when absent. */
    public static String sameSiteOf(String cookieAttributes) {
        Matcher matcher = SAME_SITE.matcher(cookieAttributes);
        return matcher.find() ? matcher.group(1) : "unset";
    }
}
