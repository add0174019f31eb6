package lab.attacker;

import io.javalin.Javalin;
import java.net.URI;
import java.util.function.Supplier;
import lab.attacker.exploit.ExploitServer;
import lab.attacker.loot.LootStore;
import lab.attacker.rebind.RebindingProxy;
import lab.attacker.web.AttackerApp;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.data.DataDirectory;

/** The spam site with its loot database and its stand-in DNS for the rebinding lesson. */
public final class AttackerServer implements AutoCloseable {

    /** A different site from {@code social.localhost}: cross-site for SameSite, cross-origin for CORS. */
    public static final String HOST_NAME = "evil.localhost";

    private final LootStore loot;
    private final RebindingProxy rebinding;
    private final ExploitServer exploits = new ExploitServer();
    private final Javalin app;

    public AttackerServer(ScenarioCatalogue catalogue, Supplier<String> victimOrigin) {
        this(catalogue, victimOrigin, null);
    }

    /** @param dataDirectory where the loot lives across restarts, or null for a fresh store in memory */
    public AttackerServer(ScenarioCatalogue catalogue, Supplier<String> victimOrigin, DataDirectory dataDirectory) {
        this.loot = dataDirectory == null ? LootStore.inMemory() : LootStore.inDirectory(dataDirectory);
        this.rebinding = new RebindingProxy(
                this::port, () -> URI.create(victimOrigin.get()).getPort());
        this.app = AttackerApp.create(catalogue, loot, victimOrigin, this::origin, rebinding, exploits);
    }

    /** Starts the site and its rebinding forwarder (on a free port) on {@code bindAddress}. */
    public AttackerServer start(String bindAddress, int port) {
        return start(bindAddress, port, 0);
    }

    /** Starts the site on {@code port} and its rebinding forwarder on {@code rebindPort} (0: a free port). */
    public AttackerServer start(String bindAddress, int port, int rebindPort) {
        app.start(bindAddress, port);
        try {
            rebinding.start(bindAddress, rebindPort);
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
        return this;
    }

    public int port() {
        return app.port();
    }

    public String origin() {
        return "http://" + HOST_NAME + ":" + port();
    }

    /** The same server under another name, e.g. {@code evilsocial.localhost}: one server, many attacker sites. */
    public String originAs(String hostName) {
        return "http://" + hostName + ":" + port();
    }

    public LootStore loot() {
        return loot;
    }

    /** The exploit server: the learner's stored pages, its access log and deliveries to Alice. */
    public ExploitServer exploits() {
        return exploits;
    }

    public RebindingProxy rebinding() {
        return rebinding;
    }

    @Override
    public void close() {
        try {
            rebinding.close();
            app.stop();
        } finally {
            loot.close();
        }
    }
}
