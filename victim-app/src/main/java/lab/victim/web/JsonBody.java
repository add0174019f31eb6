package lab.victim.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * The lab's one reader of JSON request bodies: the victim's API writes and the attacker's loot backend both read
 * their bodies here, so the two sites answer a bad body alike. Each endpoint names the media types it accepts;
 * then, in this order: another media type is 415, a body over {@link #MAX_BYTES} is 413, and anything but exactly
 * one JSON object (invalid JSON, trailing content, a repeated key, an array, nothing) is 400 with a message that
 * says which.
 *
 * <p>It lives in victim-app because that module depends on no other lab module, so the attacker site can depend
 * on it without a cycle; scenarios is no safe home, since it may come to depend on victim-app for the defence
 * names it validates, and the lab adds no module of its own for one class.
 */
public final class JsonBody {

    /** Only JSON, which a cross-site page can send only after a preflight: the victim's API takes nothing else. */
    public static final Set<String> JSON_ONLY = Set.of("application/json");

    /** Room for the largest loot a lesson sends (a page of posts); the victim's fields have tighter limits. */
    public static final int MAX_BYTES = 64 * 1024;

    /**
     * A repeated key is refused, not resolved: which copy wins is exactly where two parsers disagree. Trailing
     * content after the object is refused for the same reason.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBody() {}

    /** The media type of a Content-Type header without its parameters, lower case ("" when absent). */
    public static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** The body of {@code ctx}, which must be one JSON object sent as one of the {@code accepted} media types. */
    public static ObjectNode object(Context ctx, Set<String> accepted) {
        if (!accepted.contains(mediaType(ctx.contentType()))) {
            throw new UnsupportedMediaTypeResponse(
                    "send " + String.join(" or ", accepted.stream().sorted().toList()));
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BYTES) {
            throw new ContentTooLargeResponse("body larger than " + MAX_BYTES + " bytes");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse(problem(e));
        } catch (IOException e) {
            throw new BadRequestResponse("body could not be read");
        }
        if (json == null || !json.isObject()) {
            throw new BadRequestResponse("expected a JSON object");
        }
        return (ObjectNode) json;
    }

    /** Which way the body is not one JSON value, and where; the body itself is not echoed back. */
    private static String problem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        String what = message.startsWith("Duplicate field")
                ? "body repeats a key"
                : message.startsWith("Trailing token")
                        ? "body has more after the JSON value"
                        : "body is not valid JSON";
        return e.getLocation() == null
                ? what
                : what + " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    /** A text field of the JSON object in the body of an API write ({@link #JSON_ONLY}). */
    static String textField(Context ctx, String field) {
        JsonNode value = object(ctx, JSON_ONLY).path(field);
        if (!value.isTextual()) {
            throw new BadRequestResponse("expected a JSON object with a text field '" + field + "'");
        }
        return value.asText();
    }
}
