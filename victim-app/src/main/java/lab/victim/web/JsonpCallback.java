package lab.victim.web;

import io.javalin.http.BadRequestResponse;
import java.util.regex.Pattern;

/**
 * The callback name of a JSONP request, checked strictly before anything is written: a JavaScript identifier of
 * ASCII letters, digits, {@code _} and {@code $}, at most {@link #MAX_LENGTH} characters. A name that is not
 * one is refused with 400 and never echoed (an echoed name is a reflected script).
 */
final class JsonpCallback {

    static final int MAX_LENGTH = 64;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0," + (MAX_LENGTH - 1) + "}");

    private JsonpCallback() {}

    static String validated(String name) {
        if (name == null || name.isEmpty()) {
            throw new BadRequestResponse("missing callback: ask for /api/me.js?callback=NAME");
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new BadRequestResponse("callback must be a JavaScript identifier (letters, digits, _ and $, not"
                    + " starting with a digit) of at most " + MAX_LENGTH + " characters");
        }
        return name;
    }
}
