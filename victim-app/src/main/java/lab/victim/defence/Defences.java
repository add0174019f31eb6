package lab.victim.defence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The victim's server-side defences at one moment. Immutable: a change builds a new value that
 * {@link DefenceSettings} swaps in atomically, so a request never sees half of a change.
 *
 * @param corsCredentials whether CORS answers carry {@code Access-Control-Allow-Credentials: true}
 * @param corsMaxAge      seconds a browser may cache a preflight answer; 0 makes every switch apply at once
 * @param hostCheck       refuse requests whose {@code Host} is not the site's own (DNS rebinding)
 * @param csrfToken       state-changing requests must carry the session's synchronizer token
 * @param originCheck     state-changing requests must carry an allowed {@code Origin}
 * @param fetchMetadata   refuse cross-site requests other than top-level GET navigations ({@code Sec-Fetch-*})
 */
public record Defences(
        CorsMode cors,
        boolean corsCredentials,
        int corsMaxAge,
        SameSiteMode samesite,
        boolean hostCheck,
        boolean csrfToken,
        boolean originCheck,
        boolean fetchMetadata) {

    public static final int MAX_CORS_MAX_AGE = 86_400;

    /** The careless server of the cookie-theft story: trusts every origin and lets the cookie go anywhere. */
    public static final Defences WIDE_OPEN =
            new Defences(CorsMode.REFLECT, true, 0, SameSiteMode.NONE, false, false, false, false);
    /** No server-side defence at all: whatever is stopped is stopped by the browser on its own. */
    public static final Defences BROWSER_DEFAULTS =
            new Defences(CorsMode.OFF, true, 0, SameSiteMode.UNSET, false, false, false, false);
    /** Every defence on, with the exact allowlist. */
    public static final Defences HARDENED =
            new Defences(CorsMode.ALLOWLIST, true, 0, SameSiteMode.STRICT, true, true, true, true);

    public Defences {
        Objects.requireNonNull(cors, "cors");
        Objects.requireNonNull(samesite, "samesite");
        if (corsMaxAge < 0 || corsMaxAge > MAX_CORS_MAX_AGE) {
            throw new IllegalArgumentException("cors-max-age must be between 0 and " + MAX_CORS_MAX_AGE + " seconds");
        }
    }

    /** This value with one defence changed; the error names the unknown defence or value and the valid ones. */
    public Defences with(String defence, String value) {
        return Defence.byKey(defence).applyTo(this, value);
    }

    /** This value with every {@code defence=value} pair of a map applied in order. */
    public Defences with(Map<String, String> changes) {
        Defences result = this;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            result = result.with(change.getKey(), change.getValue());
        }
        return result;
    }

    /**
     * This value with a comma-separated list such as {@code cors=reflect,samesite=none} applied. Blank input
     * changes nothing; a malformed pair is an error that quotes it.
     */
    public Defences with(String spec) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0 || eq == trimmed.length() - 1) {
                throw new IllegalArgumentException(
                        "malformed defence '" + trimmed + "'; expected name=value, for example cors=reflect");
            }
            changes.put(
                    trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
        }
        return with(changes);
    }

    /** Every defence and its value, in the order {@link Defence} lists them. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Defence defence : Defence.values()) {
            map.put(defence.key(), defence.valueIn(this));
        }
        return map;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        asMap().forEach((name, value) -> text.append(text.length() == 0 ? "" : ",")
                .append(name)
                .append('=')
                .append(value));
        return text.toString();
    }
}
