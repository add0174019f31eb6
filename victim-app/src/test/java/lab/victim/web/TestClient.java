package lab.victim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import lab.victim.VictimServer;

/**
 * Plain HTTP against a victim on loopback, with full control of the headers a browser would send (Origin,
 * Cookie, Sec-Fetch-*, and Host: the test JVM allows it with -Djdk.httpclient.allowRestrictedHeaders=host).
 */
final class TestClient {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final VictimServer victim;

    TestClient(VictimServer victim) {
        this.victim = victim;
    }

    /** The Host header a browser sends to the victim. */
    String siteHost() {
        return VictimServer.HOST_NAME + ":" + victim.port();
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String... headers)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(
                "POST",
                path,
                HttpRequest.BodyPublishers.ofString(body),
                concat(headers, "Content-Type", "application/x-www-form-urlencoded"));
    }

    HttpResponse<String> sendJson(String method, String path, String json, String... headers)
            throws IOException, InterruptedException {
        return send(
                method,
                path,
                HttpRequest.BodyPublishers.ofString(json),
                concat(headers, "Content-Type", "application/json"));
    }

    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + victim.port() + path))
                .method(method, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String passwordOf(String user) {
        return switch (user) {
            case "alice" -> "wonderland";
            case "mallory" -> "evil-twin";
            default -> "builder";
        };
    }

    /**
     * Logs in as a browser does: loads the login form (its pre-session cookie and token) and posts it with both,
     * sending {@code headers} each time; returns the {@code Cookie} header value of the new session, whatever the
     * cookie-prefix defence names it.
     */
    String logInThroughTheForm(String user, String... headers) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login", headers);
        String nonce = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("login_nonce="))
                .findFirst()
                .orElseThrow()
                .split(";", 2)[0];
        String marker = "name=\"_csrf\" value=\"";
        int start = form.body().indexOf(marker) + marker.length();
        String token = form.body().substring(start, form.body().indexOf('"', start));
        HttpResponse<String> response = postForm(
                "/login",
                Map.of("username", user, "password", passwordOf(user), "_csrf", token),
                concat(headers, "Cookie", nonce));
        assertThat(response.statusCode()).as("login of " + user).isEqualTo(303);
        return sessionCookie(response);
    }

    /** The {@code name=value} of the session cookie a login response set. */
    static String sessionCookie(HttpResponse<String> login) {
        return login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("session=") || c.startsWith("__Host-session="))
                .findFirst()
                .orElseThrow()
                .split(";", 2)[0];
    }

    /** Logs in through the form and returns the {@code Cookie} header value of the new session. */
    String logIn(String user) throws IOException, InterruptedException {
        String password = passwordOf(user);
        HttpResponse<String> response =
                postForm("/login", Map.of("username", user, "password", password), "Origin", victim.origin());
        assertThat(response.statusCode()).as("login of " + user).isEqualTo(303);
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    /** The CSRF token of the session behind {@code cookie}, as the site's pages show it. */
    String csrfToken(String cookie, String... headers) throws IOException, InterruptedException {
        String page = get("/settings", concat(headers, "Cookie", cookie)).body();
        int start = page.indexOf("name=\"csrf-token\" content=\"") + "name=\"csrf-token\" content=\"".length();
        return page.substring(start, page.indexOf('"', start));
    }

    private static String[] concat(String[] headers, String name, String value) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }
}
