package lab.runner.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import lab.runner.challenges.ChallengeDesk;
import lab.runner.challenges.ChallengeLab;

/**
 * The console's Challenges panel: its own page fragment and script ({@code /challenges.html},
 * {@code /challenges.js}), and its API: the list with progress, the next hint, a delivery of the learner's page to
 * Alice, and a judgement of defences. Writes pass the console's guard like every other (JSON only, own origin).
 */
final class ChallengesController {

    private static final int MAX_SOURCE_CHARS = 70_000;

    private final ObjectMapper mapper = new ObjectMapper();
    private final String fragment = resource("console/challenges.html");
    private final String script = resource("console/challenges.js");
    private volatile ChallengeDesk desk;

    void offer(ChallengeDesk desk) {
        this.desk = desk;
    }

    void fragment(Context ctx) {
        ctx.header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8")
                .result(fragment);
    }

    void script(Context ctx) {
        ctx.header("Cache-Control", "no-store")
                .contentType("text/javascript; charset=utf-8")
                .result(script);
    }

    void list(Context ctx) {
        ctx.header("Cache-Control", "no-store").json(desk().view());
    }

    void hint(Context ctx) {
        ctx.json(desk().revealHint(ctx.pathParam("id")));
    }

    /** {@code POST /api/challenges/{id}/deliver} with {@code {"source": "...", "host": "evil.localhost"}}. */
    void deliver(Context ctx) {
        JsonNode body = body(ctx);
        JsonNode source = body.get("source");
        if (source == null || !source.isTextual()) {
            throw new BadRequestResponse("expected {\"source\": \"<your page>\", \"host\": \"evil.localhost\"}");
        }
        if (source.asText().length() > MAX_SOURCE_CHARS) {
            throw new BadRequestResponse("the page is larger than the exploit server's 64 KB");
        }
        String host = body.path("host").asText("evil.localhost");
        ChallengeDesk desk = desk();
        try {
            ctx.json(ChallengeLab.json(
                    desk.deliverSource(ctx.pathParam("id"), source.asText().getBytes(StandardCharsets.UTF_8), host)));
        } catch (IllegalStateException e) {
            throw new ConflictResponse(e.getMessage());
        }
    }

    /** {@code POST /api/challenges/{id}/defend} with {@code {"defences": {"cors": "allowlist", ...}}}. */
    void defend(Context ctx) {
        JsonNode defences = body(ctx).get("defences");
        if (defences == null || !defences.isObject()) {
            throw new BadRequestResponse("expected {\"defences\": {\"cors\": \"allowlist\", ...}}");
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = defences.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new BadRequestResponse("defence " + entry.getKey() + ": expected a string value");
            }
            chosen.put(entry.getKey(), entry.getValue().asText());
        }
        lab.victim.defence.Defences.WIDE_OPEN.with(chosen);
        ChallengeDesk desk = desk();
        try {
            ctx.json(ChallengeLab.json(desk.defend(ctx.pathParam("id"), chosen)));
        } catch (IllegalStateException e) {
            throw new ConflictResponse(e.getMessage());
        }
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode node = mapper.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new BadRequestResponse("expected a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestResponse("not JSON: " + e.getOriginalMessage());
        }
    }

    private ChallengeDesk desk() {
        ChallengeDesk current = desk;
        if (current == null) {
            throw new ServiceUnavailableResponse("this console runs without challenges; start it with ./lab serve");
        }
        return current;
    }

    private static String resource(String path) {
        try (InputStream in = ChallengesController.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the lab's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
