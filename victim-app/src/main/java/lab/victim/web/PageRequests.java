package lab.victim.web;

import io.javalin.http.Context;

/** Tells a person's browser navigation (which should get a page) from a script's API call (which gets JSON). */
final class PageRequests {

    private PageRequests() {}

    /**
     * A top-level or frame navigation ({@code Sec-Fetch-Mode: navigate}), or, from a client that sends no
     * fetch metadata, a request that asks for HTML first. {@code /api/*} always answers JSON.
     */
    static boolean wantsPage(Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            return false;
        }
        String mode = ctx.header("Sec-Fetch-Mode");
        if (mode != null) {
            return mode.equals("navigate");
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.startsWith("text/html");
    }

    /** The host name of the Host header, without its port, in lower case; empty when there is none. */
    static String hostName(Context ctx) {
        String host = ctx.header("Host");
        if (host == null) {
            return "";
        }
        host = host.strip().toLowerCase(java.util.Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
