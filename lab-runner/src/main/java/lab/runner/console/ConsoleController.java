package lab.runner.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import lab.runner.LabServers;
import lab.runner.browser.BrowserEngines;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Choice;
import lab.victim.defence.Defence;
import lab.victim.defence.Defences;
import lab.victim.defence.Preset;
import lab.victim.web.JsonBody;

/** The console's page and JSON API: defences, journal, loot and reset. */
final class ConsoleController {

    private final LabServers servers;
    private final JournalBroadcaster broadcaster;
    private final ScenarioCatalogue catalogue;
    private final ScenarioRuns runs;
    private final byte[] page;
    private final DefenceChanges changes = new DefenceChanges();

    /** @param runs where scenario runs go, or null for a console without a browser of its own */
    ConsoleController(
            LabServers servers, JournalBroadcaster broadcaster, ScenarioCatalogue catalogue, ScenarioRuns runs) {
        this.servers = servers;
        this.broadcaster = broadcaster;
        this.catalogue = catalogue;
        this.runs = runs;
        this.page = resource("console/index.html");
    }

    record DefenceView(String name, String summary, List<Choice> choices) {}

    record PresetView(String name, String meaning, Map<String, String> defences) {}

    /**
     * Live sessions of one user whose cookies were issued with one SameSite value.
     *
     * @param sameSite "None", "Lax", "Strict" or "unset"
     */
    record SessionView(String user, String sameSite, long sessions) {}

    record DefencesView(
            Map<String, String> current,
            List<DefenceView> defences,
            List<PresetView> presets,
            String victimOrigin,
            String attackerOrigin,
            String issuedSameSite,
            List<SessionView> sessions,
            List<DefenceChanges.Change> changes) {}

    void page(Context ctx) {
        ctx.header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8")
                .result(page);
    }

    /** {@code GET /api/defences}: the current values, every defence with its choices, and the presets. */
    void defences(Context ctx) {
        ctx.json(view());
    }

    /**
     * {@code PUT /api/defences} with {@code {"preset": "hardened"}}, {@code {"cors": "off", ...}} or both (the
     * preset first). All of it applies at once, or nothing does.
     */
    void changeDefences(Context ctx) {
        JsonNode body = jsonObject(ctx);
        long afterSeq = servers.victim().journal().lastSeq();
        Map<String, String> before = servers.victim().defences().current().asMap();
        Defences after = servers.victim().defences().update(current -> {
            Defences next = current;
            Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
            if (body.has("preset")) {
                next = Preset.byKey(text(body.get("preset"), "preset")).defences();
            }
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals("preset")) {
                    next = next.with(field.getKey(), text(field.getValue(), field.getKey()));
                }
            }
            return next;
        });
        DefenceChanges.Change change = changes.record(afterSeq, before, after.asMap());
        if (change != null) {
            broadcaster.announce("defences", change);
        }
        ctx.json(view());
    }

    /**
     * {@code GET /api/journal/events}: the live journal. The slot is taken before the stream answers 200, so a
     * full console answers 503 (the guard has already refused other hosts and origins).
     */
    void journalEvents(Context ctx) throws Exception {
        if (!String.valueOf(ctx.header("Accept")).contains("text/event-stream")) {
            throw new HttpResponseException(406, "the live journal is an event stream (Accept: text/event-stream)");
        }
        JournalBroadcaster.Slot slot = broadcaster.reserve();
        try {
            new SseHandler(slot::join).handle(ctx);
        } catch (Exception | Error e) {
            slot.release();
            throw e;
        }
    }

    record ScenarioView(String id, String title, String story) {}

    /** {@code GET /api/scenarios}: the catalogue, for the console's run buttons. */
    void scenarios(Context ctx) {
        ctx.json(catalogue.all().stream()
                .map(s -> new ScenarioView(s.id(), s.title(), s.story()))
                .toList());
    }

    /**
     * {@code GET /api/engines}: every engine the lab knows, its version, whether it is installed here and which one
     * runs by default (none is installed for a console without a browser of its own).
     */
    void engines(Context ctx) {
        ctx.json(runs == null ? List.of() : runs.engines().list());
    }

    /**
     * {@code POST /api/scenarios/{id}/run} with {@code {"thirdPartyCookies": "allowed", "engine": "firefox"}}
     * (engine optional: the console's default): runs the scenario's attack once in the console's headless browser
     * of that engine, with the defences as they are now.
     */
    void runScenario(Context ctx) throws InterruptedException {
        Scenario scenario =
                catalogue.find(ctx.pathParam("id")).orElseThrow(() -> new NotFoundResponse("no such scenario"));
        JsonNode body = jsonObject(ctx);
        ThirdPartyCookies browserSetting =
                ThirdPartyCookies.parse(body.path("thirdPartyCookies").asText("allowed"));
        String engine = body.has("engine") ? text(body.get("engine"), "engine") : null;
        if (engine != null && !BrowserEngines.keys().contains(engine)) {
            throw new IllegalArgumentException(
                    "unknown engine '" + engine + "'; expected one of " + String.join(", ", BrowserEngines.keys()));
        }
        if (runs == null) {
            throw new ServiceUnavailableResponse("this console has no browser of its own; start it with ./lab serve");
        }
        ctx.json(runs.run(scenario, browserSetting, engine));
    }

    /**
     * {@code POST /api/reset}: wipes the journal (its window in memory and its record in H2), the loot and every
     * session, puts the users' e-mail addresses back as seeded and the rebinding name back on the attacker, for a
     * clean demonstration.
     */
    void reset(Context ctx) {
        jsonObject(ctx);
        servers.victim().journal().clear();
        servers.victim().journalArchive().clear();
        servers.victim().sessions().clear();
        servers.victim().database().restoreSeededEmails();
        servers.attacker().loot().clear();
        servers.attacker().rebinding().pointAtAttacker();
        changes.clear();
        ctx.json(Map.of("reset", List.of("journal", "loot", "sessions", "e-mail addresses", "rebinding name")));
    }

    private DefencesView view() {
        List<DefenceView> defences = Arrays.stream(Defence.values())
                .map(d -> new DefenceView(d.key(), d.summary(), d.choices()))
                .toList();
        List<PresetView> presets = Arrays.stream(Preset.values())
                .map(p -> new PresetView(p.key(), p.meaning(), p.defences().asMap()))
                .toList();
        Defences current = servers.victim().defences().current();
        List<SessionView> sessions = servers.victim().sessions().live().stream()
                .filter(session -> session.issuedSameSite() != null)
                .collect(java.util.stream.Collectors.groupingBy(
                        session -> session.user() + " " + session.issuedSameSite(),
                        java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()))
                .entrySet()
                .stream()
                .map(e -> new SessionView(e.getKey().split(" ")[0], e.getKey().split(" ")[1], e.getValue()))
                .toList();
        return new DefencesView(
                current.asMap(),
                defences,
                presets,
                servers.victim().origin(),
                servers.attacker().origin(),
                lab.victim.auth.Session.sameSiteOf(current.samesite().cookieAttributes()),
                sessions,
                changes.all());
    }

    /** The lab's one JSON body reader, as the victim's API and the attacker's backend use it. */
    private static JsonNode jsonObject(Context ctx) {
        return JsonBody.object(ctx, JsonBody.JSON_ONLY);
    }

    private static String text(JsonNode value, String name) {
        if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
            throw new IllegalArgumentException("the value of '" + name + "' must be text, for example \"on\"");
        }
        return value.asText();
    }

    private static byte[] resource(String path) {
        try (InputStream in = ConsoleController.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new NotFoundResponse(path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
