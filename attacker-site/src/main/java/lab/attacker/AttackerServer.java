package lab.attacker;

import io.javalin.Javalin;
import java.util.function.Supplier;
import lab.attacker.loot.LootStore;
import lab.attacker.web.AttackerApp;
import lab.scenarios.ScenarioCatalogue;

/** The spam site with its loot database. */
public final class AttackerServer implements AutoCloseable {

    /** A different site from {@code social.localhost}: cross-site for SameSite, cross-origin for CORS. */
    public static final String HOST_NAME = "evil.localhost";

    private final LootStore loot = LootStore.inMemory();
    private final Javalin app;

    public AttackerServer(ScenarioCatalogue catalogue, Supplier<String> victimOrigin) {
        this.app = AttackerApp.create(catalogue, loot, victimOrigin);
    }

    public AttackerServer start(String bindAddress, int port) {
        app.start(bindAddress, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public String origin() {
        return "http://" + HOST_NAME + ":" + port();
    }

    public LootStore loot() {
        return loot;
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            loot.close();
        }
    }
}
