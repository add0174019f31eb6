package lab.victim.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import lab.victim.defence.CorsPolicy;
import lab.victim.defence.DefenceSettings;

/**
 * CORS on the API. Private endpoints follow the {@code cors} defence; public ones always allow any origin
 * without credentials, which is the right answer for data that is public anyway.
 */
final class CorsFilter {

    static final String PUBLIC_PREFIX = "/api/public/";

    private final DefenceSettings defences;
    private final Site site;
    private final CorsPolicy policy;

    CorsFilter(DefenceSettings defences, Site site) {
        this.defences = defences;
        this.site = site;
        this.policy = new CorsPolicy(site.host(), site.extraAllowedOrigins());
    }

    void apply(Context ctx) {
        if (ctx.path().startsWith(PUBLIC_PREFIX)) {
            ctx.header(CorsPolicy.ALLOW_ORIGIN, "*");
            return;
        }
        String origin = ctx.header("Origin");
        if (isPreflight(ctx)) {
            policy.preflightHeaders(defences.current(), origin, site.ownOrigin(ctx))
                    .forEach(ctx::header);
        } else {
            policy.responseHeaders(defences.current(), origin, site.ownOrigin(ctx))
                    .forEach(ctx::header);
        }
    }

    /** The answer to a preflight is its headers alone. */
    static void preflight(Context ctx) {
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static boolean isPreflight(Context ctx) {
        return "OPTIONS".equals(ctx.method().name()) && ctx.header("Access-Control-Request-Method") != null;
    }
}
