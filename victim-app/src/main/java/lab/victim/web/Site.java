package lab.victim.web;

import io.javalin.http.Context;
import java.util.Set;

/**
 * Who the site is: its host name and the origins it trusts besides its own. The own origin is built from
 * the port the request actually arrived on, never from the Host header, which a DNS-rebinding page controls.
 */
record Site(String host, Set<String> extraAllowedOrigins) {

    Site {
        extraAllowedOrigins = Set.copyOf(extraAllowedOrigins);
    }

    String ownOrigin(Context ctx) {
        return "http://" + host + ":" + ctx.req().getLocalPort();
    }

    /** The Host header the site answers to when host-check is on. */
    String ownHostHeader(Context ctx) {
        return host + ":" + ctx.req().getLocalPort();
    }

    boolean isAllowedOrigin(Context ctx, String origin) {
        return origin != null && (origin.equals(ownOrigin(ctx)) || extraAllowedOrigins.contains(origin));
    }
}
