package lab.attacker.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import lab.attacker.forge.ForgedRequest;
import lab.victim.journal.RequestTag;

/**
 * The attacker's backend acting like Postman or curl: it asks the victim's API with whatever headers it
 * likes. Limited to the victim's {@code /api/} paths, so the lab's attacker cannot be turned on anything else.
 */
final class ForgeController {

    private final Supplier<String> victimOrigin;

    ForgeController(Supplier<String> victimOrigin) {
        this.victimOrigin = victimOrigin;
    }

    /** {@code GET /forge?path=/api/me}: sends the request with a forged Origin, Host, Referer and User-Agent. */
    void forge(Context ctx) {
        String path = ctx.queryParam("path");
        if (path == null || !path.matches("/api/[a-z/]{1,40}")) {
            throw new BadRequestResponse("path must be one of the victim's /api/ paths, such as /api/me");
        }
        URI victim = URI.create(victimOrigin.get());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", victim.getHost() + ":" + victim.getPort());
        headers.put("Origin", victimOrigin.get());
        headers.put("Referer", victimOrigin.get() + "/");
        headers.put("User-Agent", keepingLabTag(ctx, "Mozilla/5.0 (forged by the attacker's server)"));
        headers.put("Sec-Fetch-Site", "same-origin");
        headers.put("Sec-Fetch-Mode", "cors");
        try {
            ForgedRequest.Answer answer = ForgedRequest.get(victim.getPort(), path, headers);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("sentHeaders", headers);
            result.put("status", answer.status());
            result.put("body", answer.body());
            ctx.header("Cache-Control", "no-store").json(result);
        } catch (IOException e) {
            ctx.status(502).json(Map.of("error", "the victim did not answer: " + e.getMessage()));
        }
    }

    /**
     * Lab bookkeeping, no part of the attack: the forged request keeps the tag of the lab browser that asked for it
     * ({@link RequestTag}), as that browser's own requests carry it, so the runner counts it for its case; asked
     * for by anyone else (no tag), it is outside traffic and decides nothing.
     */
    static String keepingLabTag(Context ctx, String userAgent) {
        String tag = RequestTag.of(ctx.userAgent());
        return tag == null ? userAgent : RequestTag.append(userAgent, tag);
    }
}
