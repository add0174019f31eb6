package lab.victim.defence;

import static lab.victim.defence.CorsPolicy.ALLOW_CREDENTIALS;
import static lab.victim.defence.CorsPolicy.ALLOW_HEADERS;
import static lab.victim.defence.CorsPolicy.ALLOW_METHODS;
import static lab.victim.defence.CorsPolicy.ALLOW_ORIGIN;
import static lab.victim.defence.CorsPolicy.MAX_AGE;
import static lab.victim.defence.CorsPolicy.VARY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CORS headers of one answer, as the {@link CorsContribution}s of the defences build them up. */
public final class CorsHeaders {

    /**
     * The order the headers are sent in, whatever order the defences add them: the journal records them in
     * this order and the lab shows them so.
     */
    private static final List<String> ORDER =
            List.of(ALLOW_ORIGIN, ALLOW_CREDENTIALS, VARY, ALLOW_METHODS, ALLOW_HEADERS, MAX_AGE);

    private final CorsPolicy policy;
    private final String origin;
    private final String ownOrigin;
    private final boolean preflight;
    private final Map<String, String> headers = new LinkedHashMap<>();

    CorsHeaders(CorsPolicy policy, String origin, String ownOrigin, boolean preflight) {
        this.policy = policy;
        this.origin = origin;
        this.ownOrigin = ownOrigin;
        this.preflight = preflight;
    }

    /** The request's {@code Origin} header, or null when it had none. */
    public String origin() {
        return origin;
    }

    /** Whether this is the answer to a preflight rather than to the request itself. */
    public boolean preflight() {
        return preflight;
    }

    /** Whether {@code mode} lets the request's origin read answers (never when it sent no Origin). */
    public boolean trusts(CorsMode mode) {
        return origin != null && policy.trusts(mode, origin, ownOrigin);
    }

    /** Whether an earlier contribution already allowed some origin to read the answer. */
    public boolean allowsAnOrigin() {
        return headers.containsKey(ALLOW_ORIGIN);
    }

    public void put(String name, String value) {
        if (!ORDER.contains(name)) {
            throw new IllegalArgumentException("not a CORS header the lab knows: " + name);
        }
        headers.put(name, value);
    }

    /** The headers in the order they are sent. */
    Map<String, String> toMap() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : ORDER) {
            if (headers.containsKey(name)) {
                ordered.put(name, headers.get(name));
            }
        }
        return ordered;
    }
}
