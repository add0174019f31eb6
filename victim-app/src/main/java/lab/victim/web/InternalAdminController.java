package lab.victim.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import lab.victim.data.VictimDatabase;

/**
 * An "internal" admin view that trusts its network position: anything that reaches it from this machine is
 * assumed to be an operator. The target of the DNS-rebinding lesson.
 */
final class InternalAdminController {

    private final VictimDatabase db;

    InternalAdminController(VictimDatabase db) {
        this.db = db;
    }

    /** Deliberately vulnerable: a loopback caller is not an authenticated one (closed by host-check=on). */
    void show(Context ctx) {
        if (!isLoopback(ctx.req().getRemoteAddr())) {
            throw new ForbiddenResponse("internal endpoint");
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of(
                "service", "flock-internal-admin",
                "users", db.allProfiles(),
                "note", "reachable without login from this machine only"));
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
