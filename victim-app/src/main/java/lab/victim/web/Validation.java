package lab.victim.web;

import io.javalin.http.BadRequestResponse;
import java.util.regex.Pattern;

/** What the site accepts as an e-mail address or a post; the error says what is wrong. */
final class Validation {

    static final int MAX_EMAIL = 120;
    static final int MAX_POST = 500;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Validation() {}

    static String email(String raw) {
        String email = raw == null ? "" : raw.strip();
        if (email.isEmpty()
                || email.length() > MAX_EMAIL
                || !EMAIL.matcher(email).matches()) {
            throw new BadRequestResponse(
                    "enter an e-mail address such as name@example.com (at most " + MAX_EMAIL + " characters)");
        }
        return email;
    }

    static String post(String raw) {
        String body = raw == null ? "" : raw.strip();
        if (body.isEmpty() || body.length() > MAX_POST) {
            throw new BadRequestResponse("a post has 1 to " + MAX_POST + " characters");
        }
        return body;
    }
}
