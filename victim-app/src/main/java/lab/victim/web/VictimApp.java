package lab.victim.web;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.Set;
import lab.victim.auth.PasswordHasher;
import lab.victim.auth.SessionStore;
import lab.victim.data.VictimDatabase;
import lab.victim.defence.DefenceSettings;
import lab.victim.journal.RequestJournal;

/** Builds Flock, the victim social site, as an unstarted Javalin app. */
public final class VictimApp {

    private VictimApp() {
    }

    /**
     * @param hostName            the name the site is reached under (its origin is {@code http://hostName:port})
     * @param extraAllowedOrigins origins that {@code cors=allowlist} trusts besides the site's own
     */
    public static Javalin create(VictimDatabase db, SessionStore sessions, PasswordHasher hasher,
                                 DefenceSettings defences, RequestJournal journal, String hostName,
                                 Set<String> extraAllowedOrigins) {
        var accounts = new AccountController(db, sessions, hasher, defences);
        var home = new HomeController(db);
        var api = new ApiController(db);
        var cors = new CorsFilter(defences, hostName, extraAllowedOrigins);
        var recorder = new JournalRecorder(journal);

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson());
            config.fileRenderer(new JteRenderer());

            config.routes.before(ctx -> CurrentUser.resolve(ctx, sessions));
            config.routes.before("/api/*", cors::apply);

            config.routes.get("/", home::show);
            config.routes.get("/login", accounts::form);
            config.routes.post("/login", accounts::login);
            config.routes.post("/logout", accounts::logout);
            config.routes.get("/api/me", api::me);

            // API errors are JSON for scripts; page errors keep Javalin's default.
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (ctx.path().startsWith("/api/")) {
                    ctx.status(e.getStatus()).json(new ErrorResponse(e.getMessage()));
                } else {
                    ctx.status(e.getStatus()).result(e.getMessage());
                }
            });
            config.routes.after(recorder::record);
        });
    }
}
