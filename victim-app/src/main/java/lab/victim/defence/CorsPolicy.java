package lab.victim.defence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides the CORS response headers of an {@code /api/*} answer. Pure: the same mode, request origin and
 * allowlist always give the same headers, so each mode can be read (and tested) on its own.
 *
 * <p>CORS headers never stop a request from reaching the server; they only tell the browser whether the
 * calling page's script may read the answer.
 */
public final class CorsPolicy {

    public static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    public static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    public static final String VARY = "Vary";

    private CorsPolicy() {
    }

    /**
     * @param requestOrigin the request's {@code Origin} header, or null when it had none
     * @param allowlist     origins the {@link CorsMode#ALLOWLIST} mode trusts, compared exactly
     */
    public static Map<String, String> responseHeaders(CorsMode mode, String requestOrigin, Set<String> allowlist) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (mode) {
            case OFF -> {
                // No headers: the browser's same-origin policy keeps every other origin from reading.
            }
            case WILDCARD -> {
                // Deliberately vulnerable: a careless '*' with credentials (browsers refuse the pair; closed by cors=allowlist).
                headers.put(ALLOW_ORIGIN, "*");
                headers.put(ALLOW_CREDENTIALS, "true");
            }
            case REFLECT -> {
                // Deliberately vulnerable: trusts whoever asks, cookies included (closed by cors=allowlist).
                if (requestOrigin != null) {
                    headers.put(ALLOW_ORIGIN, requestOrigin);
                    headers.put(ALLOW_CREDENTIALS, "true");
                }
                headers.put(VARY, "Origin");
            }
            case ALLOWLIST -> {
                // Exact string comparison: no prefix, suffix or pattern that another origin could also match.
                if (requestOrigin != null && allowlist.contains(requestOrigin)) {
                    headers.put(ALLOW_ORIGIN, requestOrigin);
                    headers.put(ALLOW_CREDENTIALS, "true");
                }
                // The answer depends on Origin, so shared caches must not hand one origin's answer to another.
                headers.put(VARY, "Origin");
            }
        }
        return headers;
    }
}
