package lab.runner.scan;

/**
 * One weakness of a CORS policy.
 *
 * @param klass       named like the lab's cors modes: reflect, null, suffix, prefix, regex, subdomains, wildcard,
 *                    or missing-vary, preflight-permissive, other-scheme, framing (no framing protection); or a channel
 *                    CORS does not guard: jsonp (the endpoint calls back ?callback=NAME), websocket-origin (a foreign
 *                    handshake is accepted)
 * @param probeOrigin the origin the policy wrongly trusted
 * @param confirmed   whether a page on that origin in a real browser read the answer
 * @param severity    high for a credentialed read of private data, medium for a credentialed read of data that
 *                    was the same without the cookie, low when nothing was read with credentials
 */
public record Finding(
        String klass, String probeOrigin, boolean confirmed, String severity, String fix, String detail) {}
