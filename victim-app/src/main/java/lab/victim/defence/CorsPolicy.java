package lab.victim.defence;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides the CORS response headers of a private {@code /api/*} answer and of its preflight. The correct
 * exact allowlist and each flawed one are small functions side by side, so that students can read the
 * difference.
 *
 * <p>CORS headers never stop a request from reaching the server; they only tell the browser whether the
 * calling page's script may read the answer (and, for a preflight, whether to send the real request).
 */
public final class CorsPolicy {

    public static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    public static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    public static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    public static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    public static final String MAX_AGE = "Access-Control-Max-Age";
    public static final String VARY = "Vary";

    static final String METHODS = "GET, POST, PUT, DELETE";
    static final String HEADERS = "Content-Type, X-CSRF-Token";

    private final String siteHost;
    private final Set<String> extraAllowedOrigins;
    /** Deliberately vulnerable: the dots of the host name are left unescaped (closed by cors=allowlist). */
    private final Pattern unescapedDotRegex;

    /**
     * @param siteHost            the site's host name, for example {@code social.localhost}
     * @param extraAllowedOrigins origins trusted besides the site's own, compared exactly
     */
    public CorsPolicy(String siteHost, Set<String> extraAllowedOrigins) {
        this.siteHost = siteHost;
        this.extraAllowedOrigins = Set.copyOf(extraAllowedOrigins);
        this.unescapedDotRegex = Pattern.compile("^https?://(www.)?" + siteHost + "(:\\d+)?$");
    }

    /**
     * The headers for an actual (non-preflight) request: what every defence with a {@link CorsContribution}
     * adds, in registry order.
     *
     * @param origin    the request's {@code Origin} header, or null when it had none
     * @param ownOrigin the site's own origin, e.g. {@code http://social.localhost:7001}
     */
    public Map<String, String> responseHeaders(Defences defences, String origin, String ownOrigin) {
        return headers(defences, new CorsHeaders(this, origin, ownOrigin, false));
    }

    /** The headers for a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}). */
    public Map<String, String> preflightHeaders(Defences defences, String origin, String ownOrigin) {
        return headers(defences, new CorsHeaders(this, origin, ownOrigin, true));
    }

    private static Map<String, String> headers(Defences defences, CorsHeaders headers) {
        for (Defence<?> defence : Defence.values()) {
            defence.contributeCors(defences, headers);
        }
        return headers.toMap();
    }

    /**
     * The {@code cors} defence's contribution: who may read, and on a preflight which methods and headers
     * may follow.
     */
    static void allowOrigin(CorsMode mode, CorsHeaders headers) {
        if (mode == CorsMode.OFF) {
            return;
        }
        if (mode == CorsMode.WILDCARD) {
            // Deliberately vulnerable: a careless '*', with credentials when they are on (closed by cors=allowlist).
            headers.put(ALLOW_ORIGIN, "*");
        } else if (headers.trusts(mode)) {
            headers.put(ALLOW_ORIGIN, headers.origin());
        }
        if (mode != CorsMode.WILDCARD) {
            // The answer depends on Origin, so shared caches must not hand one origin's answer to another.
            headers.put(VARY, "Origin");
        }
        if (headers.preflight() && headers.allowsAnOrigin()) {
            headers.put(ALLOW_METHODS, METHODS);
            headers.put(ALLOW_HEADERS, HEADERS);
        }
    }

    /** Whether {@code mode} lets {@code origin} read answers: one function per mode, below. */
    boolean trusts(CorsMode mode, String origin, String ownOrigin) {
        return switch (mode) {
            case OFF -> false;
            case WILDCARD -> true;
            case REFLECT -> reflect(origin);
            case ALLOWLIST -> exactAllowlist(origin, ownOrigin);
            case NULL -> allowlistWithNull(origin, ownOrigin);
            case SUFFIX -> hostSuffix(origin);
            case PREFIX -> stringPrefix(origin);
            case REGEX -> unescapedDotRegex(origin);
            case SUBDOMAINS -> anySubdomainAnyScheme(origin);
        };
    }

    /** Correct: the origin must be one of a fixed list, compared as whole strings. */
    private boolean exactAllowlist(String origin, String ownOrigin) {
        return origin.equals(ownOrigin) || extraAllowedOrigins.contains(origin);
    }

    /** Deliberately vulnerable: trusts whoever asks (closed by cors=allowlist). */
    private static boolean reflect(String origin) {
        return true;
    }

    /** Deliberately vulnerable: "null" is sent by sandboxed iframes any site can create (closed by cors=allowlist). */
    private boolean allowlistWithNull(String origin, String ownOrigin) {
        return "null".equals(origin) || exactAllowlist(origin, ownOrigin);
    }

    /** Deliberately vulnerable: evilsocial.localhost also ends with social.localhost (closed by cors=allowlist). */
    private boolean hostSuffix(String origin) {
        String host = hostOf(origin);
        return host != null && host.endsWith(siteHost);
    }

    /** Deliberately vulnerable: http://social.localhost.evil.localhost also starts so (closed by cors=allowlist). */
    private boolean stringPrefix(String origin) {
        return origin.startsWith("http://" + siteHost);
    }

    /** Deliberately vulnerable: '.' matches any character, so wwwxsocial.localhost matches (closed by cors=allowlist). */
    private boolean unescapedDotRegex(String origin) {
        return unescapedDotRegex.matcher(origin).matches();
    }

    /**
     * Deliberately vulnerable: one user-content or taken-over subdomain, or a plain-http page on the network
     * path, can read everything (closed by cors=allowlist).
     */
    private boolean anySubdomainAnyScheme(String origin) {
        String host = hostOf(origin);
        return host != null && (host.equals(siteHost) || host.endsWith("." + siteHost));
    }

    /** The host of a serialized origin, or null when it is not one ({@code null}, garbage). */
    private static String hostOf(String origin) {
        try {
            URI uri = new URI(origin);
            return uri.getScheme() == null || uri.getHost() == null ? null : uri.getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
