package lab.attacker.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import lab.attacker.AttackerServer;
import lab.attacker.rebind.RebindingProxy;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCatalogue;

/**
 * The attacker's site answers only under the names the lab itself opens it by: its own, the rebinding name,
 * the victim's name on the attacker's port, and every attacker host the catalogue's scenarios name. A page
 * on some other name rebound to 127.0.0.1 would otherwise be same-origin with the site and could read the
 * loot. (Flock's own Host check is a lesson and a switch; this one is the lab protecting itself.)
 */
final class HostGuard {

    private final Set<String> names = new TreeSet<>();
    private final Supplier<String> victimOrigin;

    HostGuard(ScenarioCatalogue catalogue, Supplier<String> victimOrigin) {
        this.victimOrigin = victimOrigin;
        names.add(AttackerServer.HOST_NAME);
        names.add(RebindingProxy.HOST_NAME);
        names.add("localhost");
        names.add("127.0.0.1");
        for (Scenario scenario : catalogue.all()) {
            names.add(scenario.attackerHost().toLowerCase(Locale.ROOT));
            scenario.cases().forEach(c -> names.add(scenario.attackerHostFor(c).toLowerCase(Locale.ROOT)));
        }
    }

    /** The names this site answers to, besides the victim's. */
    Set<String> names() {
        return Set.copyOf(names);
    }

    void check(Context ctx) {
        String name = hostName(ctx.header("Host"));
        if (name == null || !(names.contains(name) || name.equals(victimHostName()))) {
            throw new HttpResponseException(
                    421,
                    "the attacker's site answers only to the lab's own names, such as " + AttackerServer.HOST_NAME);
        }
    }

    private String victimHostName() {
        return URI.create(victimOrigin.get()).getHost();
    }

    /** The name in a Host header, lower case, without its port; null when there is none. */
    static String hostName(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            return name;
        }
        int colon = name.lastIndexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
