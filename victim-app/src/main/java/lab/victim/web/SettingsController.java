package lab.victim.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import lab.victim.data.VictimDatabase;

/** Account settings: changing the e-mail address, the state change that CSRF attacks aim at. */
final class SettingsController {

    private final VictimDatabase db;

    SettingsController(VictimDatabase db) {
        this.db = db;
    }

    void page(Context ctx) {
        Viewer viewer = Viewer.requireForPage(ctx);
        render(ctx, viewer, "1".equals(ctx.queryParam("saved")) ? "Your e-mail address was changed." : null, null);
    }

    /**
     * {@code POST /settings/email} from the settings form. Deliberately vulnerable: obeys any request that
     * carries the session cookie (closed by samesite=lax/strict, csrf-token, origin-check or fetch-metadata).
     */
    void changeFromForm(Context ctx) {
        Viewer viewer = Viewer.requireForPage(ctx);
        try {
            db.updateEmail(viewer.user(), Validation.email(ctx.formParam("email")));
        } catch (BadRequestResponse e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, viewer, null, e.getMessage());
            return;
        }
        ctx.redirect("/settings?saved=1", HttpStatus.SEE_OTHER);
    }

    /** {@code PUT /api/settings/email} with {@code {"email": "..."}}: a cross-site caller needs a preflight. */
    void changeFromJson(Context ctx) {
        String user = Viewer.requireForApi(ctx);
        String email = Validation.email(JsonBody.textField(ctx, "email"));
        db.updateEmail(user, email);
        ctx.json(Map.of("email", email));
    }

    private void render(Context ctx, Viewer viewer, String notice, String error) {
        var profile = db.profile(viewer.user()).orElseThrow();
        ctx.header("Cache-Control", "no-store");
        ctx.render("settings.jte", Map.of("page", new Pages.Settings(viewer, profile, notice, error)));
    }
}
