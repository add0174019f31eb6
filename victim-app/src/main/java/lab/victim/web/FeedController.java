package lab.victim.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import lab.victim.data.Post;
import lab.victim.data.VictimDatabase;

/** The home page with the feed, posting (as a form and as JSON), and the public feed API. */
final class FeedController {

    private final VictimDatabase db;

    FeedController(VictimDatabase db) {
        this.db = db;
    }

    void home(Context ctx) {
        renderHome(ctx, Viewer.requireForPage(ctx), null);
    }

    /** {@code POST /posts} from the home page's form. */
    void createFromForm(Context ctx) {
        Viewer viewer = Viewer.requireForPage(ctx);
        try {
            db.addPost(viewer.user(), Validation.post(ctx.formParam("body")));
        } catch (BadRequestResponse e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderHome(ctx, viewer, e.getMessage());
            return;
        }
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /api/posts} with {@code {"body": "..."}}. */
    void createFromJson(Context ctx) {
        String user = Viewer.requireForApi(ctx);
        Post post = db.addPost(user, Validation.post(JsonBody.textField(ctx, "body")));
        ctx.status(HttpStatus.CREATED).json(PostJson.of(post));
    }

    /** {@code GET /api/public/posts}: public by design, so readable from anywhere. */
    void publicPosts(Context ctx) {
        ctx.json(db.feed().stream().map(PostJson::of).toList());
    }

    private void renderHome(Context ctx, Viewer viewer, String error) {
        var profile = db.profile(viewer.user()).orElseThrow();
        ctx.header("Cache-Control", "no-store");
        ctx.render(
                "home.jte",
                Map.of("page", new Pages.Home(viewer, profile, db.messagesFor(viewer.user()), db.feed(), error)));
    }

    /** A post as the API shows it; times are ISO-8601 text. */
    record PostJson(String author, String body, String createdAt) {
        static PostJson of(Post post) {
            return new PostJson(post.author(), post.body(), post.createdAt().toString());
        }
    }
}
