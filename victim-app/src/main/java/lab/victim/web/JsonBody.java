package lab.victim.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.io.IOException;

/**
 * Reads the JSON object body of an API write. Only {@code application/json} is accepted: a cross-site page
 * can send text/plain or form bodies without a preflight, but not this content type.
 */
final class JsonBody {

    static final int MAX_BYTES = 16 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBody() {}

    /** The media type of a Content-Type header without its parameters, lower case ("" when absent). */
    static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    }

    static String textField(Context ctx, String field) {
        if (!"application/json".equals(mediaType(ctx.contentType()))) {
            throw new UnsupportedMediaTypeResponse("send application/json");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BYTES) {
            throw new ContentTooLargeResponse("body larger than " + MAX_BYTES + " bytes");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("body is not valid JSON");
        } catch (IOException e) {
            throw new BadRequestResponse("body could not be read");
        }
        if (json == null || !json.isObject() || !json.path(field).isTextual()) {
            throw new BadRequestResponse("expected a JSON object with a text field '" + field + "'");
        }
        return json.get(field).asText();
    }
}
