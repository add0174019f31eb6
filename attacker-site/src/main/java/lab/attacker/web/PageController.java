package lab.attacker.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import lab.scenarios.ScenarioCatalogue;

/** Serves the scenarios' attacker pages and the small script that tells them where the victim lives. */
final class PageController {

    /** The page a visitor of the spam site's front door gets: the cookie-theft story's prize page. */
    static final String FRONT_PAGE_SCENARIO = "cookie-theft";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private static final String CONFIG_TAG = "<script src=\"/lab-config.js\"></script>";
    private static final String KIT_SCRIPT_TAG = "<script src=\"/kit/lab-kit.js\"></script>";
    private static final String KIT_STYLE_TAG = "<link rel=\"stylesheet\" href=\"/kit/lab-kit.css\">";
    private static final int KIT_MAX_AGE_SECONDS = 600;

    private final ScenarioCatalogue catalogue;
    private final Supplier<String> victimOrigin;
    private final Supplier<String> attackerOrigin;
    private final ObjectMapper mapper = new ObjectMapper();

    PageController(ScenarioCatalogue catalogue, Supplier<String> victimOrigin, Supplier<String> attackerOrigin) {
        this.catalogue = catalogue;
        this.victimOrigin = victimOrigin;
        this.attackerOrigin = attackerOrigin;
    }

    void frontPage(Context ctx) throws JsonProcessingException {
        String[] path = catalogue
                .find(FRONT_PAGE_SCENARIO)
                .orElseThrow(NotFoundResponse::new)
                .pagePath()
                .split("/");
        serve(ctx, path[0], path[1]);
    }

    void scenarioPage(Context ctx) throws JsonProcessingException {
        serve(ctx, ctx.pathParam("scenario"), ctx.pathParam("file"));
    }

    /**
     * {@code /kit/lab-kit.js} and {@code /kit/lab-kit.css}: what the scenario pages share (report, exfiltrate,
     * look). They are part of the build, so the browser may keep them a while instead of fetching them for every
     * page; ten minutes keeps a copy from an older build of the lab from outliving a workshop break.
     */
    void kit(Context ctx) {
        String file = ctx.pathParam("file");
        byte[] body = catalogue.kitFile(file).orElseThrow(() -> new NotFoundResponse("no such file"));
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ctx.header("Cache-Control", "max-age=" + KIT_MAX_AGE_SECONDS)
                .contentType(CONTENT_TYPES.get(extension))
                .result(body);
    }

    private String kitText(String name) {
        return new String(catalogue.kitFile(name).orElseThrow(), StandardCharsets.UTF_8);
    }

    /** {@code /lab-config.js}: where the victim and the attacker live, for a page that asks for it on its own. */
    void config(Context ctx) throws JsonProcessingException {
        ctx.header("Cache-Control", "no-store")
                .contentType(CONTENT_TYPES.get("js"))
                .result(configScript());
    }

    private String configScript() throws JsonProcessingException {
        String json = mapper.writeValueAsString(
                Map.of("victimOrigin", victimOrigin.get(), "attackerOrigin", attackerOrigin.get()));
        return "window.LAB = Object.freeze(" + json + ");\n";
    }

    /**
     * A scenario file. A page's tags for the configuration and the kit are answered in the page itself: the page
     * then needs no request of its own before its attack starts (a stylesheet would hold its scripts back until
     * it arrived, and the browser's memory cache does not follow a page to the new process of another site), and
     * the origins, which change with the ports, are never kept in a cache. The kit's files stay at {@code /kit/}
     * for anyone who reads them on their own.
     */
    private void serve(Context ctx, String scenario, String file) throws JsonProcessingException {
        byte[] page = catalogue.page(scenario, file).orElseThrow(() -> new NotFoundResponse("no such page"));
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ctx.header("Cache-Control", "no-store").contentType(CONTENT_TYPES.get(extension));
        if (extension.equals("html")) {
            ctx.result(new String(page, StandardCharsets.UTF_8)
                    .replace(CONFIG_TAG, "<script>" + configScript() + "</script>")
                    .replace(KIT_STYLE_TAG, "<style>\n" + kitText("lab-kit.css") + "</style>")
                    .replace(KIT_SCRIPT_TAG, "<script>\n" + kitText("lab-kit.js") + "</script>"));
        } else {
            ctx.result(page);
        }
    }
}
