package lab.victim.defence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The victim's server-side defences at one moment. Immutable: a change builds a new value that
 * {@link DefenceSettings} swaps in atomically, so a request never sees half of a change.
 */
public record Defences(CorsMode cors, SameSiteMode samesite) {

    public static final String CORS = "cors";
    public static final String SAMESITE = "samesite";

    /** The careless server of the cookie-theft story: reflects every origin and lets the cookie go anywhere. */
    public static final Defences WIDE_OPEN = new Defences(CorsMode.REFLECT, SameSiteMode.NONE);

    public Defences {
        Objects.requireNonNull(cors, CORS);
        Objects.requireNonNull(samesite, SAMESITE);
    }

    /** This value with one defence changed; the error names the unknown defence or value. */
    public Defences with(String defence, String value) {
        return switch (defence) {
            case CORS -> new Defences(DefenceValue.parse(CorsMode.class, CORS, value), samesite);
            case SAMESITE -> new Defences(cors, DefenceValue.parse(SameSiteMode.class, SAMESITE, value));
            default -> throw new IllegalArgumentException("unknown defence '" + defence + "'; expected one of: "
                    + String.join(", ", asMap().keySet()));
        };
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
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("malformed defence '" + pair.strip() + "'; expected name=value, for example cors=reflect");
            }
            changes.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return with(changes);
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(CORS, cors.key());
        map.put(SAMESITE, samesite.key());
        return map;
    }

    @Override
    public String toString() {
        return CORS + "=" + cors.key() + "," + SAMESITE + "=" + samesite.key();
    }
}
