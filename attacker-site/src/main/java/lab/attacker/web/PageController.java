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
    private final Supplier<String> attackerOrigin;
    private final ObjectMapper mapper = new ObjectMapper();

    PageController(ScenarioCatalogue catalogue, Supplier<String> victimOrigin, Supplier<String> attackerOrigin) {
        this.catalogue = catalogue;
        this.victimOrigin = victimOrigin;
        this.attackerOrigin = attackerOrigin;
    }

    void frontPage(Context ctx) {
        String[] path = catalogue.find(FRONT_PAGE_SCENARIO).orElseThrow(NotFoundResponse::new).pagePath().split("/");
        serve(ctx, path[0], path[1]);
    }

    void scenarioPage(Context ctx) {
        serve(ctx, ctx.pathParam("scenario"), ctx.pathParam("file"));
    }

    /** {@code /lab-kit.js} and {@code /lab-kit.css}: what the scenario pages share (report, exfiltrate, look). */
    void kit(Context ctx) {
        String file = ctx.pathParam("file");
        byte[] body = catalogue.kitFile(file).orElseThrow(() -> new NotFoundResponse("no such file"));
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ctx.header("Cache-Control", "no-store").contentType(CONTENT_TYPES.get(extension)).result(body);
    }

    /** {@code /lab-config.js}: where the victim and the attacker live, so that the pages stay static files. */
    void config(Context ctx) throws JsonProcessingException {
        String json = mapper.writeValueAsString(Map.of("victimOrigin", victimOrigin.get(), "attackerOrigin", attackerOrigin.get()));
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
