package lab.runner.console;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import lab.runner.LabCatalogue;
import lab.runner.LabServers;
import lab.runner.browser.BrowserEngines;
import lab.runner.challenges.ChallengeDesk;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.web.SlowClients;

/**
 * The lab console at {@code http://lab.localhost:PORT}: the defences with a switch for each, a live journal
 * of what the victim receives, the attacker's loot, and a reset. Served by the runner beside the two sites.
 */
public final class ConsoleServer implements AutoCloseable {

    private final JournalBroadcaster broadcaster;
    private final ScenarioRuns runs;
    private final Javalin app;
    private final ChallengesController challenges = new ChallengesController();

    /** A console without a browser: everything but scenario runs (which answer 503). */
    public ConsoleServer(LabServers servers) {
        this(servers, LabCatalogue.load(), (ScenarioRuns) null);
    }

    /**
     * A console that can also run the catalogue's scenarios in a headless browser of its own, started on the
     * first run.
     */
    public ConsoleServer(LabServers servers, ScenarioCatalogue catalogue, Optional<Path> browserExecutable) {
        this(servers, catalogue, BrowserEngines.DEFAULT, browserExecutable);
    }

    /**
     * As {@link #ConsoleServer(LabServers, ScenarioCatalogue, Optional)}, running scenarios in {@code engine} unless
     * a run asks for another installed engine; {@code browserExecutable} is that engine's binary.
     */
    public ConsoleServer(
            LabServers servers, ScenarioCatalogue catalogue, String engine, Optional<Path> browserExecutable) {
        this(servers, catalogue, new ScenarioRuns(servers, new ConsoleEngines(engine, browserExecutable)));
    }

    private ConsoleServer(LabServers servers, ScenarioCatalogue catalogue, ScenarioRuns runs) {
        this.broadcaster = new JournalBroadcaster(servers.victim().journal());
        this.runs = runs;
        var controller = new ConsoleController(servers, broadcaster, catalogue, runs);
        var guard = new ConsoleGuard();
        var records = new RecordPages(servers);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            SlowClients.limit(config);
            config.jsonMapper(new JavalinJackson());
            config.routes.before(ConsoleGuard::refuseFraming);
            config.routes.before(guard::check);
            config.routes.get("/", controller::page);
            config.routes.get("/api/defences", controller::defences);
            config.routes.put("/api/defences", controller::changeDefences);
            config.routes.get("/api/journal", records::journal);
            config.routes.get("/api/journal/events", controller::journalEvents);
            config.routes.get("/api/loot", records::loot);
            config.routes.post("/api/reset", controller::reset);
            config.routes.get("/api/scenarios", controller::scenarios);
            config.routes.get("/api/engines", controller::engines);
            config.routes.post("/api/scenarios/{id}/run", controller::runScenario);
            config.routes.get("/challenges.html", challenges::fragment);
            config.routes.get("/challenges.js", challenges::script);
            config.routes.get("/api/challenges", challenges::list);
            config.routes.post("/api/challenges/{id}/hint", challenges::hint);
            config.routes.post("/api/challenges/{id}/deliver", challenges::deliver);
            config.routes.post("/api/challenges/{id}/defend", challenges::defend);
            config.routes.exception(
                    IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
            config.routes.exception(
                    HttpResponseException.class,
                    (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
        });
    }

    /** Shows the hands-on challenges in the console's panel, delivered and judged by {@code desk}. */
    public ConsoleServer offering(ChallengeDesk desk) {
        challenges.offer(desk);
        return this;
    }

    public ConsoleServer start(String bindAddress, int port) {
        app.start(bindAddress, port);
        return this;
    }

    /** The live journal's pages, for tests that count them. */
    JournalBroadcaster broadcaster() {
        return broadcaster;
    }

    public int port() {
        return app.port();
    }

    public String origin() {
        return "http://" + ConsoleGuard.HOST_NAME + ":" + port();
    }

    @Override
    public void close() {
        try {
            broadcaster.close();
            if (runs != null) {
                runs.close();
            }
        } finally {
            app.stop();
        }
    }
}
