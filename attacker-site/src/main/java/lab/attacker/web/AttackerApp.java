package lab.attacker.web;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.util.function.Supplier;
import lab.attacker.exploit.ExploitServer;
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
     * @param exploitServer  the learner's stored exploits, access log and deliveries
     */
    public static Javalin create(
            ScenarioCatalogue catalogue,
            LootStore loot,
            Supplier<String> victimOrigin,
            Supplier<String> attackerOrigin,
            RebindingProxy rebinding,
            ExploitServer exploitServer) {
        var pages = new PageController(catalogue, victimOrigin, attackerOrigin);
        var backend = new LootController(loot, exploitServer);
        var exploits = new ExploitController(exploitServer, victimOrigin, attackerOrigin, host -> {
            if (host.equals(RebindingProxy.HOST_NAME)) {
                return rebinding.origin();
            }
            return "http://" + host + ":" + URI.create(attackerOrigin.get()).getPort();
        });
        var forge = new ForgeController(victimOrigin);
        var ownSession = new OwnSessionController(victimOrigin);
        var hosts = new HostGuard(catalogue, victimOrigin);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            SlowClients.limit(config);
            config.jsonMapper(new JavalinJackson());
            config.routes.before(hosts::check);
            config.routes.before(exploits::log);
            config.routes.get("/", pages::frontPage);
            config.routes.get("/lab-config.js", pages::config);
            config.routes.get("/kit/{file}", pages::kit);
            config.routes.get("/scenarios/{scenario}/{file}", pages::scenarioPage);
            config.routes.post("/collect", backend::collect);
            config.routes.get("/loot", backend::page);
            config.routes.get("/forge", forge::forge);
            config.routes.post("/own-session", ownSession::logIn);
            config.routes.get("/own-session", ownSession::wrongMethod);
            config.routes.get("/exploit", exploits::page);
            config.routes.get("/exploit/list", exploits::list);
            config.routes.get("/exploit/log", exploits::accessLog);
            config.routes.get("/exploit/source/{name}", exploits::source);
            config.routes.post("/exploit/store", exploits::store);
            config.routes.post("/exploit/deliver", exploits::deliver);
            config.routes.get("/exploits/{name}", exploits::serve);
            // The attacker's "DNS": answer the victim's address from now on (the page asks when it is ready).
            config.routes.post("/rebind/switch", ctx -> {
                rebinding.pointAtVictim();
                ctx.header("Connection", "close").json(java.util.Map.of("rebound", true));
            });
        });
    }
}
