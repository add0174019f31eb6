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

    private static final int KIT_MAX_AGE_SECONDS = 600;

    private final ScenarioCatalogue catalogue;
    private final Supplier<String> victimOrigin;
    private final Supplier<String> attackerOrigin;
    private final ObjectMapper mapper = new ObjectMapper();
    private final PageShell shell = new PageShell();

    PageController(ScenarioCatalogue catalogue, Supplier<String> victimOrigin, Supplier<String> attackerOrigin) {
        this.catalogue = catalogue;
        this.victimOrigin = victimOrigin;
        this.attackerOrigin = attackerOrigin;
        // A page that lacks a part of the shell fails here, when the site starts, not when Alice opens it.
        for (var scenario : catalogue.all()) {
            String[] path = scenario.pagePath().split("/");
            render(path[0] + "/" + path[1], catalogue.page(path[0], path[1]).orElseThrow(), "");
        }
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
     * A scenario file. An attack page is served inside the shell all pages share ({@link PageShell}), with the
     * configuration and the kit written into it: the page then needs no request of its own before its attack
     * starts (a stylesheet would hold its scripts back until it arrived, and the browser's memory cache does not
     * follow a page to the new process of another site), and the origins, which change with the ports, are never
     * kept in a cache. The kit's files stay at {@code /kit/} for anyone who reads them on their own.
     */
    private void serve(Context ctx, String scenario, String file) throws JsonProcessingException {
        byte[] page = catalogue.page(scenario, file).orElseThrow(() -> new NotFoundResponse("no such page"));
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ctx.header("Cache-Control", "no-store").contentType(CONTENT_TYPES.get(extension));
        if (extension.equals("html")) {
            String text = new String(page, StandardCharsets.UTF_8);
            if (PageShell.isPublic(text)) {
                ctx.header("Content-Security-Policy", "treat-as-public-address");
            }
            ctx.result(render(scenario + "/" + file, page, configScript()));
        } else {
            ctx.result(page);
        }
    }

    private String render(String name, byte[] page, String config) {
        return shell.render(
                name, new String(page, StandardCharsets.UTF_8), config, kitText("lab-kit.css"), kitText("lab-kit.js"));
    }
}
