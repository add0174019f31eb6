package lab.victim.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import lab.victim.data.Message;
import lab.victim.data.VictimDatabase;

/** Public profiles, the private profile API and private messages. */
final class ProfileController {

    private final VictimDatabase db;

    ProfileController(VictimDatabase db) {
        this.db = db;
    }

    /** {@code GET /profile/{username}}: what anyone may see of a user. */
    void publicProfile(Context ctx) {
        var profile = db.profile(ctx.pathParam("username")).orElseThrow(() -> new NotFoundResponse("no such user"));
        Viewer viewer =
                CurrentSession.of(ctx).map(session -> Viewer.of(session, ctx)).orElse(null);
        ctx.render(
                "profile.jte",
                Map.of(
                        "page",
                        new Pages.PublicProfile(
                                viewer, profile.username(), profile.displayName(), db.postsBy(profile.username()))));
    }

    /** {@code GET /messages}. */
    void messagesPage(Context ctx) {
        Viewer viewer = Viewer.requireForPage(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.render("messages.jte", Map.of("page", new Pages.Messages(viewer, db.messagesFor(viewer.user()))));
    }

    /** {@code GET /api/me}: everything private about the logged-in user. */
    void me(Context ctx) {
        String user = Viewer.requireForApi(ctx);
        var profile = db.profile(user).orElseThrow(() -> new io.javalin.http.UnauthorizedResponse("not logged in"));
        ctx.header("Cache-Control", "no-store");
        ctx.json(MeResponse.of(profile, db.messagesFor(user)));
    }

    /**
     * {@code GET /api/me.js?callback=NAME} (served while {@code jsonp=on}): the same private data as {@code
     * /api/me}, wrapped in a call to {@code NAME}, the way sites shared data across origins before CORS. A page
     * of any site may include it with a {@code <script>} element, which CORS never guards.
     */
    void meAsJsonp(Context ctx) {
        String callback = JsonpCallback.validated(ctx.queryParam("callback"));
        Object data = CurrentSession.user(ctx)
                .flatMap(user -> db.profile(user).map(profile -> (Object) MeResponse.of(profile, db.messagesFor(user))))
                .orElse(new ErrorResponse("not logged in"));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/javascript; charset=utf-8");
        // The leading comment keeps the first bytes of the answer fixed whatever the callback (the usual
        // guard against content-sniffing tricks on JSONP answers).
        ctx.result("/**/" + callback + "(" + ctx.jsonMapper().toJsonString(data, Object.class) + ");");
    }

    /** {@code GET /api/messages}. */
    void messages(Context ctx) {
        String user = Viewer.requireForApi(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.json(db.messagesFor(user).stream().map(MessageJson::of).toList());
    }

    /** A private message as the API shows it; times are ISO-8601 text. */
    record MessageJson(String from, String body, String sentAt) {
        static MessageJson of(Message message) {
            return new MessageJson(
                    message.from(), message.body(), message.sentAt().toString());
        }
    }
}
