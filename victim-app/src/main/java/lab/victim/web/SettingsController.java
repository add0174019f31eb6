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

    /**
     * {@code GET /settings}, optionally {@code ?email=} to fill in a new address for the user to confirm with Save
     * (the link a "change your address" e-mail would carry); an invalid address is refused with 400.
     */
    void page(Context ctx) {
        Viewer viewer = Viewer.requireForPage(ctx);
        String proposed = ctx.queryParam("email");
        if (proposed != null) {
            String email = Validation.email(proposed);
            render(ctx, viewer, "Confirm your new e-mail address: press Save.", null, email);
            return;
        }
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
        render(ctx, viewer, notice, error, null);
    }

    /** @param proposedEmail the address to fill in instead of the current one, or null */
    private void render(Context ctx, Viewer viewer, String notice, String error, String proposedEmail) {
        var profile = db.profile(viewer.user()).orElseThrow();
        ctx.header("Cache-Control", "no-store");
        String shown = proposedEmail != null ? proposedEmail : profile.email();
        ctx.render("settings.jte", Map.of("page", new Pages.Settings(viewer, profile, notice, error, shown)));
    }
}
