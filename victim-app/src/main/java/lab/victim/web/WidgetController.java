package lab.victim.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import lab.victim.data.VictimDatabase;
import lab.victim.defence.DefenceRegistry;
import lab.victim.defence.DefenceSettings;
import lab.victim.defence.WidgetTarget;

/**
 * {@code GET /widget}: Flock's embeddable card for partner sites. Framed, it shows who is signed in, keeps a
 * partitioned cookie of its own (CHIPS: one jar per top-level site), and posts the viewer's profile to the page
 * that frames it, so that the partner can greet the viewer.
 */
final class WidgetController {

    /** The widget's own cookie: {@code SameSite=None; Secure; Partitioned}, so kept per top-level site. */
    static final String COOKIE_NAME = "flock_widget";

    private static final int COOKIE_MAX_AGE_SECONDS = 86_400;
    private static final int MAX_PARENT = 200;
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    private final VictimDatabase db;
    private final DefenceSettings defences;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();

    WidgetController(VictimDatabase db, DefenceSettings defences) {
        this.db = db;
        this.defences = defences;
    }

    void show(Context ctx) throws JsonProcessingException {
        String parent = parent(ctx.queryParam("parent"));
        boolean framed = "iframe".equals(ctx.header("Sec-Fetch-Dest"));
        String visit;
        if (ctx.cookie(COOKIE_NAME) != null) {
            visit = "returning visitor: this frame's cookie jar already holds the widget's cookie";
        } else if (framed) {
            byte[] id = new byte[8];
            random.nextBytes(id);
            ctx.res()
                    .addHeader(
                            "Set-Cookie",
                            COOKIE_NAME + "=" + HexFormat.of().formatHex(id) + "; Path=/widget; Max-Age="
                                    + COOKIE_MAX_AGE_SECONDS + "; SameSite=None; Secure; Partitioned");
            visit = "first visit under this site: the widget set a new partitioned cookie";
        } else {
            visit = "not framed: no widget cookie";
        }

        Map<String, String> profile = null;
        var user = CurrentSession.user(ctx);
        if (user.isPresent()) {
            var found = db.profile(user.get()).orElseThrow();
            profile = new LinkedHashMap<>();
            profile.put("username", found.username());
            profile.put("displayName", found.displayName());
            profile.put("email", found.email());
        }
        // Deliberately vulnerable: with widget-target=any the profile goes to '*', whoever frames the widget (closed by
        // widget-target=checked).
        String target = defences.current().get(DefenceRegistry.WIDGET_TARGET) == WidgetTarget.CHECKED ? parent : "*";
        ctx.header("Cache-Control", "no-store");
        ctx.render(
                "widget.jte",
                Map.of(
                        "page",
                        new Pages.Widget(
                                profile == null ? null : profile.get("displayName"),
                                profile == null ? null : profile.get("email"),
                                mapper.writeValueAsString(profile),
                                target,
                                visit)));
    }

    /** The embedding page's origin as named in {@code ?parent=}, or null; anything else is refused. */
    static String parent(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > MAX_PARENT || !ORIGIN.matcher(raw).matches()) {
            throw new BadRequestResponse("parent must be an origin such as http://partner.localhost:8080 (at most "
                    + MAX_PARENT + " characters)");
        }
        return raw;
    }
}
