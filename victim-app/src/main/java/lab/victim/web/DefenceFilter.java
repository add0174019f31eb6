package lab.victim.web;

import io.javalin.http.Context;
import java.util.Set;
import lab.victim.auth.Session;
import lab.victim.auth.SessionStore;
import lab.victim.defence.Defence;
import lab.victim.defence.DefenceSettings;
import lab.victim.defence.Defences;
import lab.victim.defence.FetchMetadataPolicy;

/**
 * The request-refusing defences, checked before any handler in the order a real deployment would put them:
 * Host first (which site is this for?), then Fetch Metadata (who started it?), then, for state-changing
 * requests, Origin and the CSRF token.
 */
final class DefenceFilter {

    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "_csrf";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final DefenceSettings defences;
    private final Site site;

    DefenceFilter(DefenceSettings defences, Site site) {
        this.defences = defences;
        this.site = site;
    }

    void check(Context ctx) {
        Defences current = defences.current();
        String method = ctx.method().name();
        if (current.hostCheck() && !site.ownHostHeader(ctx).equalsIgnoreCase(String.valueOf(ctx.header("Host")))) {
            throw new RefusedByDefence(
                    Defence.HOST_CHECK,
                    421,
                    "this server answers only to " + site.ownHostHeader(ctx) + ", not to Host " + ctx.header("Host"));
        }
        if (current.fetchMetadata()
                && !FetchMetadataPolicy.allows(
                        ctx.header("Sec-Fetch-Site"),
                        ctx.header("Sec-Fetch-Mode"),
                        ctx.header("Sec-Fetch-Dest"),
                        method)) {
            throw new RefusedByDefence(
                    Defence.FETCH_METADATA,
                    403,
                    "cross-site " + ctx.header("Sec-Fetch-Mode") + " request refused by the resource-isolation policy");
        }
        if (!STATE_CHANGING.contains(method)) {
            return;
        }
        if (current.originCheck() && !site.isAllowedOrigin(ctx, ctx.header("Origin"))) {
            throw new RefusedByDefence(
                    Defence.ORIGIN_CHECK,
                    403,
                    "state-changing request from origin " + ctx.header("Origin") + " refused");
        }
        // The login form starts a new session, so it has no token to carry; logging in again while logged in
        // must still work. Forged logins (login CSRF) are for origin-check and fetch-metadata.
        if (current.csrfToken() && !ctx.path().equals("/login")) {
            // Without a session there is nothing to forge; the handler itself asks for a login.
            Session session = CurrentSession.of(ctx).orElse(null);
            if (session != null && !SessionStore.tokenMatches(session, presentedToken(ctx))) {
                throw new RefusedByDefence(Defence.CSRF_TOKEN, 403, "missing or wrong CSRF token");
            }
        }
    }

    private static String presentedToken(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        String mediaType = JsonBody.mediaType(ctx.contentType());
        return mediaType.equals("application/x-www-form-urlencoded") || mediaType.equals("multipart/form-data")
                ? ctx.formParam(CSRF_FIELD)
                : null;
    }
}
