package lab.victim.defence;

import java.util.Optional;
import java.util.Set;
import lab.victim.auth.Session;

/** What a {@link RequestGuard} may ask about one request; the web layer answers from the live request. */
public interface GuardedRequest {

    Set<String> STATE_CHANGING_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    String method();

    String path();

    /** A request header, or null when the request has none. */
    String header(String name);

    /** A query parameter of the request's address, or null when it has none. */
    String queryParam(String name);

    /** The {@code Host} header the site answers to: its own name and the port the request arrived on. */
    String ownHostHeader();

    /** Whether {@code origin} (possibly null) is the site's own origin or one it trusts. */
    boolean isAllowedOrigin(String origin);

    /** The live session whose cookie came with the request. */
    Optional<Session> session();

    /** The CSRF token the request presents (header or form field), or null. Reading it may read the body. */
    String presentedCsrfToken();

    /** Whether the request asks to open a WebSocket ({@code Upgrade: websocket}). */
    default boolean isWebSocketHandshake() {
        return "websocket".equalsIgnoreCase(header("Upgrade"));
    }

    /**
     * The value of the double-submit token's cookie ({@code csrf}, or {@code __Host-csrf} under cookie-prefix=__Host-)
     * as the server reads it: the first of that name the browser sent, or null.
     */
    String doubleSubmitCookie();

    /** Whether the request carries the login form's pre-session token, matching its pre-session cookie. */
    boolean carriesLoginToken();

    default boolean isStateChanging() {
        return STATE_CHANGING_METHODS.contains(method());
    }
}
