package lab.attacker.web;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.function.Supplier;
import lab.attacker.loot.LootStore;
import lab.scenarios.ScenarioCatalogue;

/** Builds the spam site as an unstarted Javalin app. */
public final class AttackerApp {

    private AttackerApp() {
    }

    /** @param victimOrigin where the victim is reached, read when a page asks (the victim may start later) */
    public static Javalin create(ScenarioCatalogue catalogue, LootStore loot, Supplier<String> victimOrigin) {
        var pages = new PageController(catalogue, victimOrigin);
        var backend = new LootController(loot);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson());
            config.routes.get("/", pages::frontPage);
            config.routes.get("/lab-config.js", pages::config);
            config.routes.get("/scenarios/{scenario}/{file}", pages::scenarioPage);
            config.routes.post("/collect", backend::collect);
            config.routes.get("/loot", backend::page);
        });
    }
}
