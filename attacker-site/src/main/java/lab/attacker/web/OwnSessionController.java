package lab.attacker.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.attacker.forge.ForgedRequest;
import lab.victim.auth.LoginTokens;
import lab.victim.auth.SessionStore;

/**
 * The attacker's own tool, not a flaw of any lesson: Mallory logs in to Flock with her own account, as she would in
 * her own browser, and hands her session cookie to her own page, which tosses it into the visitor's browser
 * ({@code session-tossing}). A real attacker pastes the value in by hand; the lab fetches a fresh one, because
 * sessions expire and the cookie's name follows Flock's cookie-prefix setting.
 *
 * <p>Fixed account (mallory, the seeded attacker), fixed victim (the lab's Flock on loopback), no parameters: it
 * cannot be turned on another account or server. It goes through Flock's login form as a script copying the
 * browser's requests would: {@code GET /login} for the form's pre-session token and its cookie, then
 * {@code POST /login}, so it works under {@code login-token=on} too.
 */
final class OwnSessionController {

    /** The attacker's own seeded account. */
    static final String ACCOUNT = "mallory";

    private static final String PASSWORD = "evil-twin";
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]{1,100})\"");

    private final Supplier<String> victimOrigin;

    OwnSessionController(Supplier<String> victimOrigin) {
        this.victimOrigin = victimOrigin;
    }

    /** {@code POST /own-session}: logs in to Flock as mallory and answers her session cookie's name and value. */
    void logIn(Context ctx) {
        if (ctx.queryString() != null || !ctx.body().isEmpty()) {
            throw new BadRequestResponse(
                    "/own-session takes no parameters: it always logs in as " + ACCOUNT + " to the lab's Flock");
        }
        URI victim = URI.create(victimOrigin.get());
        try {
            ForgedRequest.Answer form = ForgedRequest.get(victim.getPort(), "/login", headers(ctx, victim, null));
            Optional<String> nonce = cookie(form, LoginTokens.COOKIE_NAME);
            Matcher token = FORM_TOKEN.matcher(form.body());
            if (form.status() != 200 || nonce.isEmpty() || !token.find()) {
                answerVictimRefused(ctx, "GET /login", form.status());
                return;
            }
            Map<String, String> headers = headers(ctx, victim, LoginTokens.COOKIE_NAME + "=" + nonce.get());
            ForgedRequest.Answer login = ForgedRequest.postForm(
                    victim.getPort(),
                    "/login",
                    headers,
                    "_csrf=" + encode(token.group(1)) + "&username=" + ACCOUNT + "&password=" + encode(PASSWORD));
            Optional<Map.Entry<String, String>> session = sessionCookie(login);
            if (login.status() != HttpStatus.SEE_OTHER.getCode() || session.isEmpty()) {
                answerVictimRefused(ctx, "POST /login", login.status());
                return;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("account", ACCOUNT);
            result.put("cookieName", session.get().getKey());
            result.put("cookieValue", session.get().getValue());
            ctx.header("Cache-Control", "no-store").json(result);
        } catch (IOException e) {
            ctx.status(HttpStatus.BAD_GATEWAY).json(Map.of("error", "Flock did not answer: " + e.getMessage()));
        }
    }

    /** Any other method: the endpoint changes something (a new session on Flock), so it is a POST only. */
    void wrongMethod(Context ctx) {
        ctx.header("Allow", "POST")
                .status(HttpStatus.METHOD_NOT_ALLOWED)
                .json(Map.of("error", "use POST /own-session (it logs in to Flock as " + ACCOUNT + ")"));
    }

    private static void answerVictimRefused(Context ctx, String request, int status) {
        ctx.status(HttpStatus.BAD_GATEWAY)
                .json(Map.of("error", "Flock answered " + request + " with " + status + ", not a login"));
    }

    /** What a browser on Flock's own login page would send, and the lab browser's tag (bookkeeping, see forge). */
    private static Map<String, String> headers(Context ctx, URI victim, String cookie) {
        String origin = victim.getScheme() + "://" + victim.getHost() + ":" + victim.getPort();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", victim.getHost() + ":" + victim.getPort());
        if (cookie != null) {
            headers.put("Origin", origin);
            headers.put("Referer", origin + "/login");
            headers.put("Cookie", cookie);
        }
        headers.put("User-Agent", ForgeController.keepingLabTag(ctx, "Mozilla/5.0 (the attacker's login script)"));
        headers.put("Sec-Fetch-Site", cookie == null ? "none" : "same-origin");
        headers.put("Sec-Fetch-Mode", "navigate");
        headers.put("Sec-Fetch-Dest", "document");
        return headers;
    }

    private static Optional<String> cookie(ForgedRequest.Answer answer, String name) {
        return answer.headers("Set-Cookie").stream()
                .map(OwnSessionController::nameAndValue)
                .filter(pair -> pair.getKey().equals(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static Optional<Map.Entry<String, String>> sessionCookie(ForgedRequest.Answer answer) {
        return answer.headers("Set-Cookie").stream()
                .map(OwnSessionController::nameAndValue)
                .filter(pair -> SessionStore.isSessionCookieName(pair.getKey())
                        && !pair.getValue().isEmpty())
                .findFirst();
    }

    /** {@code name=value; Path=/; ...} as name and value. */
    private static Map.Entry<String, String> nameAndValue(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        return equals < 0
                ? Map.entry("", pair.strip())
                : Map.entry(
                        pair.substring(0, equals).strip(),
                        pair.substring(equals + 1).strip());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
