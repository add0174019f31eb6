package lab.victim.web;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import lab.victim.data.VictimDatabase;

/** The JSON API the site's own pages use, and the attacker's pages try to read. */
final class ApiController {

    private final VictimDatabase db;

    ApiController(VictimDatabase db) {
        this.db = db;
    }

    void me(Context ctx) {
        String user = CurrentUser.of(ctx).orElseThrow(() -> new UnauthorizedResponse("not logged in"));
        var profile = db.profile(user).orElseThrow(() -> new UnauthorizedResponse("not logged in"));
        ctx.header("Cache-Control", "no-store");
        ctx.json(MeResponse.of(profile, db.messagesFor(user)));
    }
}
