package lab.attacker.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import lab.attacker.exploit.ExploitServer;
import lab.attacker.loot.Loot;
import lab.attacker.loot.LootStore;
import lab.victim.web.JsonBody;

/** The attacker's backend: receives what its pages stole and lists it. */
final class LootController {

    /** JSON from its own pages, or text/plain from any page: a simple request, which no CORS rule holds back. */
    private static final Set<String> LOOT_TYPES = Set.of("application/json", "text/plain");

    /** Hauls the {@code /loot} page shows, newest first: at most about 3 MB of the largest ones. */
    static final int PAGE_HAULS = 50;

    private static final Pattern SCENARIO_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** A lab case's nonce, as the runner makes them (128 random bits); anything else names no case. */
    private static final Pattern CASE_NONCE = Pattern.compile("[0-9a-f]{32}");

    private final LootStore store;
    private final TemplateEngine templates =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "lab.attacker.jte");

    private final ExploitServer exploits;

    LootController(LootStore store, ExploitServer exploits) {
        this.store = store;
        this.exploits = exploits;
    }

    /**
     * {@code POST /collect} with {@code {"scenario": "...", "data": {...}, "case": "..."}} (the case is optional), sent by the attacker's pages. As
     * JSON from its own origin, or as text/plain from any page (a simple request that needs no CORS, as
     * exfiltration code uses: sendBeacon, no-cors fetch).
     */
    void collect(Context ctx) {
        ObjectNode json = JsonBody.object(ctx, LOOT_TYPES);
        if (!json.path("scenario").isTextual() || !json.path("data").isObject()) {
            throw new BadRequestResponse("expected {\"scenario\": \"...\", \"data\": {...}}");
        }
        String scenario = json.get("scenario").asText();
        if (!SCENARIO_ID.matcher(scenario).matches()) {
            throw new BadRequestResponse("scenario must be a scenario id such as cookie-theft");
        }
        JsonNode user = json.get("data").get("username");
        String data = json.get("data").toString();
        if (data.length() > JsonBody.MAX_BYTES) {
            throw new ContentTooLargeResponse("loot larger than " + JsonBody.MAX_BYTES + " characters");
        }
        // Loot that Alice's browser posts during a delivery belongs to that delivery, whatever the page sent.
        String nonce = exploits.deliveryNonceFor(ctx.userAgent()).orElse(caseNonce(json));
        Loot loot = store.store(scenario, user != null && user.isTextual() ? user.asText() : null, data, nonce);
        ctx.status(HttpStatus.CREATED).json(Map.of("stored", loot.id()));
    }

    /** The case the page ran for, as the lab kit sends it ({@code "case": "..."}), or null. */
    private static String caseNonce(ObjectNode json) {
        String nonce = json.path("case").asText(null);
        return nonce != null && CASE_NONCE.matcher(nonce).matches() ? nonce : null;
    }

    /**
     * {@code GET /loot}: the newest stolen data, escaped: it came from another site and is not to be trusted.
     * Only the newest {@link #PAGE_HAULS} are shown, so that the page stays small whatever was posted.
     */
    void page(Context ctx) {
        List<Loot> loot = store.newestBefore(Long.MAX_VALUE, PAGE_HAULS);
        StringOutput output = new StringOutput();
        templates.render("loot.jte", new LootPage(loot, store.count(), store.dropped()), output);
        ctx.header("Cache-Control", "no-store").html(output.toString());
    }
}
