package lab.victim.web;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import java.util.Set;
import lab.victim.auth.LoginTokens;
import lab.victim.auth.PasswordHasher;
import lab.victim.auth.SessionStore;
import lab.victim.data.VictimDatabase;
import lab.victim.defence.DefenceRegistry;
import lab.victim.defence.DefenceSettings;
import lab.victim.journal.RequestJournal;

/** Builds Flock, the victim social site, as an unstarted Javalin app. */
public final class VictimApp {

    private static final int RESPONSE_BUFFER_BYTES = 8 * 1024;

    private VictimApp() {}

    /**
     * @param hostName            the name the site is reached under (its origin is {@code http://hostName:port})
     * @param extraAllowedOrigins origins that {@code cors=allowlist} and {@code origin-check} trust besides the site's own
     */
    public static Javalin create(
            VictimDatabase db,
            SessionStore sessions,
            PasswordHasher hasher,
            DefenceSettings defences,
            RequestJournal journal,
            String hostName,
            Set<String> extraAllowedOrigins) {
        Site site = new Site(hostName, extraAllowedOrigins);
        var loginTokens = new LoginTokens();
        var accounts = new AccountController(db, sessions, hasher, defences, loginTokens);
        var feed = new FeedController(db);
        var profiles = new ProfileController(db);
        var settings = new SettingsController(db);
        var admin = new InternalAdminController(db);
        var widget = new WidgetController(db, defences);
        var defenceHeaders = new DefenceHeaders(defences);
        var defenceFilter = new DefenceFilter(defences, site, loginTokens);
        var cors = new CorsFilter(defences, site);
        var recorder = new JournalRecorder(journal);
        var socket = new MessageSocket(db, sessions, defences, defenceFilter, recorder);

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            SlowClients.limit(config);
            // Javalin copies each response through a buffer of this size, allocated per response (32 KB by
            // default, which made most of the garbage under load); every answer of this site is smaller.
            config.http.responseBufferSize = RESPONSE_BUFFER_BYTES;
            config.jsonMapper(new JavalinJackson());
            config.fileRenderer(new JteRenderer());

            config.routes.before(defenceHeaders::apply);
            config.routes.before(ctx -> CurrentSession.resolve(ctx, sessions, defences));
            config.routes.before(ctx -> ctx.attribute(Viewer.SERVER_COOKIE_ATTRIBUTES, accounts.defenceAttributes()));
            config.routes.before(ctx -> WrongHost.check(ctx, site));
            config.routes.before(defenceFilter::check);
            config.routes.before("/api/*", cors::apply);

            config.routes.get("/", feed::home);
            config.routes.post("/posts", feed::createFromForm);
            config.routes.get("/messages", profiles::messagesPage);
            config.routes.get("/profile/{username}", profiles::publicProfile);
            config.routes.get("/settings", settings::page);
            config.routes.post("/settings/email", settings::changeFromForm);
            config.routes.get(DefenceRegistry.WIDGET_PATH, widget::show);
            config.routes.get("/login", accounts::form);
            config.routes.post("/login", accounts::login);
            config.routes.post("/logout", accounts::logout);
            config.routes.post("/session/renew", accounts::renew);

            config.routes.get("/api/me", profiles::me);
            config.routes.get(lab.victim.defence.DefenceRegistry.JSONP_PATH, profiles::meAsJsonp);
            config.routes.get("/api/messages", profiles::messages);
            config.routes.post("/api/posts", feed::createFromJson);
            config.routes.put("/api/settings/email", settings::changeFromJson);
            config.routes.get("/api/public/posts", feed::publicPosts);
            config.routes.options("/api/*", CorsFilter::preflight);

            config.routes.get("/internal/admin", admin::show);
            socket.register(config);

            config.routes.exception(RefusedByDefence.class, (e, ctx) -> {
                ctx.attribute(RefusedByDefence.ATTRIBUTE, e.defence().key());
                ctx.header(RefusedByDefence.HEADER, e.defence().key());
                ctx.status(e.status());
                if (PageRequests.wantsPage(ctx)) {
                    // A person's browser navigated here: a page naming the defence, in place of raw JSON.
                    ctx.render(
                            "refused.jte",
                            Map.of(
                                    "page",
                                    new RefusalPage(
                                            e.defence().key(),
                                            defences.current()
                                                    .asMap()
                                                    .get(e.defence().key()),
                                            e.defence().summary(),
                                            e.status(),
                                            ctx.method().name() + " " + ctx.path(),
                                            e.getMessage())));
                } else {
                    ctx.json(Map.of(
                            "error", e.getMessage(), "defence", e.defence().key()));
                }
            });
            config.routes.exception(WrongHost.Shown.class, (e, ctx) -> e.render(ctx));
            config.routes.exception(
                    Viewer.LoginRequired.class,
                    (e, ctx) -> ctx.redirect(LoginReason.loginUrlFor(ctx), HttpStatus.FOUND));
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
