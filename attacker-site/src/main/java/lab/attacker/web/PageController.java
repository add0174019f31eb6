package lab.attacker.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
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

    private final ScenarioCatalogue catalogue;
    private final Supplier<String> victimOrigin;
    private final ObjectMapper mapper = new ObjectMapper();

    PageController(ScenarioCatalogue catalogue, Supplier<String> victimOrigin) {
        this.catalogue = catalogue;
        this.victimOrigin = victimOrigin;
    }

    void frontPage(Context ctx) {
        String page = catalogue.find(FRONT_PAGE_SCENARIO).orElseThrow(NotFoundResponse::new).attackPage();
        serve(ctx, FRONT_PAGE_SCENARIO, page);
    }

    void scenarioPage(Context ctx) {
        serve(ctx, ctx.pathParam("scenario"), ctx.pathParam("file"));
    }

    /** {@code /lab-config.js}: the victim's origin, so that the pages themselves stay static files. */
    void config(Context ctx) throws JsonProcessingException {
        String json = mapper.writeValueAsString(Map.of("victimOrigin", victimOrigin.get()));
        ctx.header("Cache-Control", "no-store")
                .contentType(CONTENT_TYPES.get("js"))
                .result("window.LAB = Object.freeze(" + json + ");\n");
    }

    private void serve(Context ctx, String scenario, String file) {
        byte[] page = catalogue.page(scenario, file).orElseThrow(() -> new NotFoundResponse("no such page"));
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ctx.header("Cache-Control", "no-store").contentType(CONTENT_TYPES.get(extension)).result(page);
    }
}
