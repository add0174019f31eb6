package lab.victim.defence;

import static lab.victim.defence.RequestGuard.PASS;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lab.victim.auth.SessionStore;
import lab.victim.defence.RequestGuard.Refusal;

/**
 * Every defence of the victim, each declared once: key, summary, values with their meanings, default, value
 * in each preset, and enforcement hook. Adding a defence is adding one declaration here (docs/architecture.md,
 * "How to add a defence").
 *
 * <p>The order of the declarations is the registry order: {@code ./lab defences} and the console list the
 * defences in it, and the request guards run in it, as a real deployment would put them: Host first (which
 * site is this for?), then Fetch Metadata (who started it?), then, for state-changing requests, Origin and
 * the CSRF token. CORS contributions run in it too, so {@code cors} comes before the headers that depend on
 * whether it allowed an origin.
 */
public final class DefenceRegistry {

    private DefenceRegistry() {}

    /** The embeddable widget's address, which {@code widget-target} guards. */
    public static final String WIDGET_PATH = "/widget";
    /** The legacy JSONP endpoint that {@link #JSONP} serves or refuses. */
    public static final String JSONP_PATH = "/api/me.js";

    /** Filled by the declarations below as the class initialises, so it must stay above them. */
    private static final List<Defence<?>> DECLARED = new ArrayList<>();

    public static final Defence<CorsMode> CORS = defence("cors", OneOf.of(CorsMode.class))
            .summary("Which other origins may read the private /api/* answers (CORS response headers).")
            .byDefault(CorsMode.OFF)
            .wideOpen(CorsMode.REFLECT)
            .hardened(CorsMode.ALLOWLIST)
            .corsHeaders(CorsPolicy::allowOrigin);

    public static final Defence<Boolean> CORS_CREDENTIALS = defence(
                    "cors-credentials",
                    Flag.trueFalse(
                            "trusted origins may read answers to requests sent with cookies",
                            "no Allow-Credentials header: browsers hide answers to requests sent with cookies"))
            .summary(
                    "Whether CORS answers allow reads of credentialed requests (Access-Control-Allow-Credentials: true).")
            .byDefault(true)
            .wideOpen(true)
            .hardened(true)
            .corsHeaders((on, headers) -> {
                if (on && headers.allowsAnOrigin()) {
                    headers.put(CorsPolicy.ALLOW_CREDENTIALS, "true");
                }
            });

    public static final Defence<Integer> CORS_MAX_AGE = defence(
                    "cors-max-age",
                    Seconds.upTo(
                            86_400,
                            "browsers ask again before every non-simple request, so a switch applies at once",
                            "browsers may reuse a preflight answer for N seconds, up to their own caps (Chromium 2 h,"
                                    + " Firefox 24 h)"))
            .summary("How long a browser may cache a preflight answer (Access-Control-Max-Age; capped by the"
                    + " browser: Chromium 2 h, Firefox 24 h).")
            .byDefault(0)
            .wideOpen(0)
            .hardened(0)
            .corsHeaders((seconds, headers) -> {
                if (headers.preflight() && headers.allowsAnOrigin()) {
                    headers.put(CorsPolicy.MAX_AGE, String.valueOf(seconds));
                }
            });

    public static final Defence<SameSiteMode> SAMESITE = defence("samesite", OneOf.of(SameSiteMode.class))
            .summary("The SameSite attribute of the session cookie, fixed when the cookie is set at login.")
            .byDefault(SameSiteMode.UNSET)
            .wideOpen(SameSiteMode.NONE)
            .hardened(SameSiteMode.STRICT)
            .sessionCookie(SameSiteMode::cookieAttributes);

    public static final Defence<CookiePrefix> COOKIE_PREFIX = defence("cookie-prefix", OneOf.of(CookiePrefix.class))
            .summary("The name prefix of the session (and double-submit) cookie, fixed when it is set at login:"
                    + " __Host- keeps a sibling subdomain from overwriting or shadowing it.")
            .byDefault(CookiePrefix.NONE)
            .wideOpen(CookiePrefix.NONE)
            .hardened(CookiePrefix.HOST)
            // Deliberately vulnerable: plain names can be tossed by a sibling (closed by cookie-prefix=__Host-).
            .sessionCookie(CookiePrefix::cookieAttributes);

    public static final Defence<Boolean> HOST_CHECK = defence(
                    "host-check",
                    Flag.onOff(
                            "requests whose Host is not social.localhost:PORT are refused with 421: a rebound DNS name cannot reach the site",
                            "any Host is served: a page whose DNS name was rebound to the site's address is served as if it were the site"))
            .summary("Whether requests must name the site's own host:port in Host (the DNS-rebinding defence).")
            .byDefault(false)
            .wideOpen(false)
            .hardened(true)
            .guard((on, request) -> {
                if (!on) {
                    // Deliberately vulnerable: a rebound DNS name is served as the site (closed by host-check=on).
                    return PASS;
                }
                String host = request.header("Host");
                return request.ownHostHeader().equalsIgnoreCase(String.valueOf(host))
                        ? PASS
                        : Refusal.of(
                                421,
                                "this server answers only to " + request.ownHostHeader() + ", not to Host " + host);
            });

    public static final Defence<Boolean> FETCH_METADATA = defence(
                    "fetch-metadata",
                    Flag.onOff(
                            "cross-site requests are refused with 403 unless they are top-level GET navigations (a resource-isolation policy)",
                            "Sec-Fetch-Site, -Mode and -Dest are ignored"))
            .summary(
                    "Whether cross-site requests are refused unless they are top-level GET navigations (Sec-Fetch-* headers).")
            .byDefault(false)
            .wideOpen(false)
            .hardened(true)
            .guard((on, request) -> {
                if (!on) {
                    // Deliberately vulnerable: whoever started a request, it is served (closed by fetch-metadata=on).
                    return PASS;
                }
                return FetchMetadataPolicy.allows(
                                request.header("Sec-Fetch-Site"),
                                request.header("Sec-Fetch-Mode"),
                                request.header("Sec-Fetch-Dest"),
                                request.method())
                        ? PASS
                        : Refusal.of(
                                403,
                                "cross-site " + request.header("Sec-Fetch-Mode")
                                        + " request refused by the resource-isolation policy");
            });

    public static final Defence<Boolean> ORIGIN_CHECK = defence(
                    "origin-check",
                    Flag.onOff(
                            "state-changing requests must carry an Origin on the allowlist, else 403",
                            "the Origin header of state-changing requests is ignored"))
            .summary("Whether state-changing requests must carry an allowed Origin header.")
            .byDefault(false)
            .wideOpen(false)
            .hardened(true)
            .guard((on, request) -> {
                if (!on) {
                    // Deliberately vulnerable: a state change from any origin is obeyed (closed by origin-check=on).
                    return PASS;
                }
                String origin = request.header("Origin");
                return !request.isStateChanging() || request.isAllowedOrigin(origin)
                        ? PASS
                        : Refusal.of(403, "state-changing request from origin " + origin + " refused");
            });

    public static final Defence<Boolean> WS_ORIGIN_CHECK = defence(
                    "ws-origin-check",
                    Flag.onOff(
                            "a WebSocket handshake must carry an Origin on the allowlist, else 403: no other site's page can open Flock's socket",
                            "any page may open Flock's WebSocket; the handshake is authenticated by the cookie alone"))
            .summary("Whether WebSocket handshakes must carry an allowed Origin header (CORS does not apply to"
                    + " WebSockets).")
            .byDefault(false)
            .wideOpen(false)
            .hardened(true)
            .guard((on, request) -> {
                if (!on || !request.isWebSocketHandshake()) {
                    // Deliberately vulnerable: any site's page may open the socket with Alice's cookie (closed by
                    // ws-origin-check=on).
                    return PASS;
                }
                String origin = request.header("Origin");
                return request.isAllowedOrigin(origin)
                        ? PASS
                        : Refusal.of(403, "WebSocket handshake from origin " + origin + " refused");
            });

    public static final Defence<CsrfTokenMode> CSRF_TOKEN = defence("csrf-token", OneOf.of(CsrfTokenMode.class))
            .summary("Whether state-changing requests must carry a CSRF token, and what it is checked against:"
                    + " the session's synchronizer token or a double-submit cookie.")
            .byDefault(CsrfTokenMode.OFF)
            .wideOpen(CsrfTokenMode.OFF)
            .hardened(CsrfTokenMode.ON)
            .guard((mode, request) -> {
                if (mode == CsrfTokenMode.OFF) {
                    // Deliberately vulnerable: the cookie alone authorises a state change (closed by csrf-token=on).
                    return PASS;
                }
                // The login form starts a new session, so it has no session token to carry; logging in again while
                // logged in must still work. Forged logins (login CSRF) are for login-token, origin-check and
                // fetch-metadata.
                if (!request.isStateChanging() || request.path().equals("/login")) {
                    return PASS;
                }
                // Without a session there is nothing to forge; the handler itself asks for a login.
                if (request.session().isEmpty()) {
                    return PASS;
                }
                if (mode == CsrfTokenMode.DOUBLE_SUBMIT) {
                    // Deliberately vulnerable: the token is checked only against a cookie, which a sibling subdomain
                    // can set (closed by cookie-prefix=__Host- or csrf-token=on).
                    String cookie = request.doubleSubmitCookie();
                    String presented = request.presentedCsrfToken();
                    return cookie != null
                                    && presented != null
                                    && MessageDigest.isEqual(
                                            cookie.getBytes(StandardCharsets.UTF_8),
                                            presented.getBytes(StandardCharsets.UTF_8))
                            ? PASS
                            : Refusal.of(403, "the CSRF token does not match the csrf cookie (double submit)");
                }
                return request.session()
                        .filter(session -> !SessionStore.tokenMatches(session, request.presentedCsrfToken()))
                        .flatMap(session -> Refusal.of(403, "missing or wrong CSRF token"));
            });

    public static final Defence<Boolean> LOGIN_TOKEN = defence(
                    "login-token",
                    Flag.onOff(
                            "the login form carries a pre-session token bound to a cookie of the form page; a login"
                                    + " without both is refused with 403",
                            "a login form posted from any site logs the browser in"))
            .summary("Whether the login form must carry its pre-session CSRF token (the login-CSRF defence).")
            .byDefault(false)
            .wideOpen(false)
            .hardened(true)
            .guard((on, request) -> {
                if (!on) {
                    // Deliberately vulnerable: any site can log a browser in to an account (closed by login-token=on).
                    return PASS;
                }
                return !request.method().equals("POST")
                                || !request.path().equals("/login")
                                || request.carriesLoginToken()
                        ? PASS
                        : Refusal.of(403, "login without the login form's pre-session token");
            });

    public static final Defence<Boolean> JSONP = defence(
                    "jsonp",
                    Flag.onOff(
                            "the legacy JSONP endpoint /api/me.js?callback=NAME answers with NAME({...private data...}), a script any page can include",
                            "the legacy JSONP endpoint is gone: /api/me.js answers 404"))
            .summary("Whether the legacy JSONP endpoint /api/me.js is served (a <script> include that CORS cannot"
                    + " guard).")
            .byDefault(true)
            .wideOpen(true)
            .hardened(false)
            .guard((on, request) -> {
                if (on) {
                    // Deliberately vulnerable: any page can run Alice's data as a script (closed by jsonp=off).
                    return PASS;
                }
                return request.path().equals(JSONP_PATH)
                        ? Refusal.of(404, "the legacy JSONP endpoint is switched off")
                        : PASS;
            });

    public static final Defence<WidgetTarget> WIDGET_TARGET = defence("widget-target", OneOf.of(WidgetTarget.class))
            .summary("To whom the embeddable /widget posts the viewer's profile (its postMessage target origin).")
            .byDefault(WidgetTarget.ANY)
            .wideOpen(WidgetTarget.ANY)
            .hardened(WidgetTarget.CHECKED)
            .guard((target, request) -> {
                if (target == WidgetTarget.ANY || !request.path().equals(WIDGET_PATH)) {
                    // Deliberately vulnerable: any parent that frames the widget gets the profile (closed by
                    // widget-target=checked).
                    return PASS;
                }
                String parent = request.queryParam("parent");
                return request.isAllowedOrigin(parent)
                        ? PASS
                        : Refusal.of(
                                403,
                                "the widget posts the profile only to an allowed parent origin, named in ?parent=; "
                                        + (parent == null ? "none was named" : parent + " is not allowed"));
            });

    public static final Defence<FramingPolicy> FRAMING = defence("framing", OneOf.of(FramingPolicy.class))
            .summary("Whether other sites may show Flock's pages in a frame (CSP frame-ancestors, X-Frame-Options).")
            .byDefault(FramingPolicy.ALLOW)
            .wideOpen(FramingPolicy.ALLOW)
            .hardened(FramingPolicy.SELF)
            .responseHeaders((policy, header) -> {
                if (policy == FramingPolicy.ALLOW) {
                    // Deliberately vulnerable: any site may frame the widget and the settings form (closed by
                    // framing=self).
                    return;
                }
                header.accept("Content-Security-Policy", "frame-ancestors 'self'");
                header.accept("X-Frame-Options", "SAMEORIGIN");
            });

    /** Every declaration above, in the order written. */
    static final List<Defence<?>> ALL = Collections.unmodifiableList(DECLARED);

    /** Starts a declaration that, once its hook is given, adds itself to the registry. */
    private static <T> Defence.Builder<T> defence(String key, ValueType<T> type) {
        return new Defence.Builder<>(key, type, DECLARED::add);
    }
}
