package lab.victim.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import lab.victim.data.VictimDatabase;

/** The home page: the feed and, once logged in, the user's own private data. */
final class HomeController {

    private final VictimDatabase db;

    HomeController(VictimDatabase db) {
        this.db = db;
    }

    void show(Context ctx) {
        var user = CurrentUser.of(ctx);
        var profile = user.flatMap(db::profile);
        if (profile.isEmpty()) {
            ctx.redirect("/login", HttpStatus.FOUND);
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.render("home.jte", Map.of("page", new HomePage(profile.get(), db.messagesFor(user.get()), db.feed())));
    }
}
