package lab.victim.web;

import io.javalin.http.Context;
import java.util.HashSet;
import java.util.Set;
import lab.victim.defence.CorsPolicy;
import lab.victim.defence.DefenceSettings;

/** Adds the CORS headers that the current {@code cors} defence decides to every {@code /api/*} answer. */
final class CorsFilter {

    private final DefenceSettings defences;
    private final String hostName;
    private final Set<String> extraAllowedOrigins;

    CorsFilter(DefenceSettings defences, String hostName, Set<String> extraAllowedOrigins) {
        this.defences = defences;
        this.hostName = hostName;
        this.extraAllowedOrigins = Set.copyOf(extraAllowedOrigins);
    }

    void apply(Context ctx) {
        CorsPolicy.responseHeaders(defences.current().cors(), ctx.header("Origin"), allowlist(ctx)).forEach(ctx::header);
    }

    /**
     * The site's own origin plus the configured extras. The own origin is built from the port the request
     * actually arrived on, never from the Host header, which a DNS-rebinding page controls.
     */
    private Set<String> allowlist(Context ctx) {
        Set<String> allowed = new HashSet<>(extraAllowedOrigins);
        allowed.add("http://" + hostName + ":" + ctx.req().getLocalPort());
        return allowed;
    }
}
