package lab.victim.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/**
 * A person who opens the victim at {@code localhost:PORT} or {@code 127.0.0.1:PORT} gets a page that sends them
 * to {@code social.localhost:PORT}: under those names every lesson would tell another story. Only browser
 * navigations are answered so; scripts, tools and other names (the DNS-rebinding name among them) are served
 * as before, so that the host-check and rebinding lessons see exactly what they did.
 */
final class WrongHost {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private WrongHost() {}

    static void check(Context ctx, Site site) {
        if (ctx.method().name().equals("GET")
                && PageRequests.wantsPage(ctx)
                && LOOPBACK_NAMES.contains(PageRequests.hostName(ctx))) {
            throw new Shown(PageRequests.hostName(ctx), site.ownOrigin(ctx));
        }
    }

    /** Renders the page in place of the one asked for; thrown so that the journal still records the request. */
    static final class Shown extends RuntimeException {
        private final String hostName;
        private final String siteOrigin;

        Shown(String hostName, String siteOrigin) {
            super("opened under " + hostName, null, false, false);
            this.hostName = hostName;
            this.siteOrigin = siteOrigin;
        }

        void render(Context ctx) {
            ctx.status(421).render("wrong-host.jte", Map.of("page", new WrongHostPage(hostName, siteOrigin)));
        }
    }
}
