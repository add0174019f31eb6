package lab.attacker.web;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.function.Supplier;
import lab.attacker.loot.LootStore;
import lab.attacker.rebind.RebindingProxy;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.web.SlowClients;

/** Builds the spam site as an unstarted Javalin app. It answers under the lab's own names only ({@link HostGuard}). */
public final class AttackerApp {

    private AttackerApp() {}

    /**
     * @param victimOrigin   where the victim is reached, read when a page asks (the victim may start later)
     * @param attackerOrigin the attacker's own canonical origin, where pages on other names send their loot
     * @param rebinding      the forwarder standing in for the attacker's DNS in the rebinding lesson
     */
    public static Javalin create(
            ScenarioCatalogue catalogue,
            LootStore loot,
            Supplier<String> victimOrigin,
            Supplier<String> attackerOrigin,
            RebindingProxy rebinding) {
        var pages = new PageController(catalogue, victimOrigin, attackerOrigin);
        var backend = new LootController(loot);
        var forge = new ForgeController(victimOrigin);
        var hosts = new HostGuard(catalogue, victimOrigin);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            SlowClients.limit(config);
            config.jsonMapper(new JavalinJackson());
            config.routes.before(hosts::check);
            config.routes.get("/", pages::frontPage);
            config.routes.get("/lab-config.js", pages::config);
            config.routes.get("/kit/{file}", pages::kit);
            config.routes.get("/scenarios/{scenario}/{file}", pages::scenarioPage);
            config.routes.post("/collect", backend::collect);
            config.routes.get("/loot", backend::page);
            config.routes.get("/forge", forge::forge);
            // The attacker's "DNS": answer the victim's address from now on (the page asks when it is ready).
            config.routes.post("/rebind/switch", ctx -> {
                rebinding.pointAtVictim();
                ctx.header("Connection", "close").json(java.util.Map.of("rebound", true));
            });
        });
    }
}
