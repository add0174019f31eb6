package lab.runner.console;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.util.Set;

/**
 * Keeps the sites the console controls from controlling the console. The console sends no CORS headers, so
 * no other origin can read it; writes must be {@code application/json}, which a cross-site page can only
 * send after a preflight that the console never approves; a write that names another Origin is refused;
 * and a Host other than the console's own (a DNS-rebinding page) is refused before anything else. A request
 * that names another Origin is refused whatever its method (a cross-origin {@code EventSource} would otherwise
 * hold a live-journal slot), and no page may frame the console (two decoy buttons over an invisible console
 * would otherwise turn a visitor's clicks into defence switches).
 */
final class ConsoleGuard {

    static final String HOST_NAME = "lab.localhost";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Every answer, refusals included, forbids framing: old browsers read the one header, new ones the other. */
    static void refuseFraming(Context ctx) {
        ctx.header("Content-Security-Policy", "frame-ancestors 'none'");
        ctx.header("X-Frame-Options", "DENY");
    }

    void check(Context ctx) {
        int port = ctx.req().getLocalPort();
        String host = String.valueOf(ctx.header("Host")).toLowerCase();
        if (!Set.of(HOST_NAME + ":" + port, "localhost:" + port, "127.0.0.1:" + port)
                .contains(host)) {
            throw new HttpResponseException(421, "the lab console answers only to " + HOST_NAME + ":" + port);
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("http://" + host)) {
            throw new ForbiddenResponse("the console answers only its own pages, not " + origin);
        }
        if (!WRITES.contains(ctx.method().name())) {
            return;
        }
        String mediaType = ctx.contentType() == null
                ? ""
                : ctx.contentType().split(";", 2)[0].strip().toLowerCase();
        if (!mediaType.equals("application/json")) {
            throw new UnsupportedMediaTypeResponse("the console accepts only application/json writes");
        }
    }
}
