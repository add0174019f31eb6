package lab.attacker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import lab.scenarios.ScenarioCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile and malformed input against every endpoint of the attacker site: a clean 4xx or a normal answer, never a 500. */
class AttackerBadInputTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private AttackerServer attacker;

    @BeforeEach
    void start() {
        attacker =
                new AttackerServer(ScenarioCatalogue.load(), () -> "http://social.localhost:1").start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        attacker.close();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + attacker.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /",
        "GET, /lab-config.js",
        "GET, /kit/lab-kit.js",
        "GET, /kit/..%2F..%2Fetc%2Fpasswd",
        "GET, /scenarios/cookie-theft/attack.html",
        "GET, /scenarios/..%2F..%2Fetc/passwd",
        "GET, /scenarios/x/%00.html",
        "GET, /loot",
        "GET, /forge?path=%2Fapi%2Fme%00",
        "GET, /forge?path=" + "%2Fapi%2Fmeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
        "POST, /collect",
        "GET, /own-session",
        "POST, /own-session?account=alice",
        "POST, /rebind/switch",
        "DELETE, /loot",
        "GET, /nowhere"
    })
    void every_endpoint_answers_hostile_headers_and_bodies_without_a_server_error(String method, String path)
            throws Exception {
        String[][] headerSets = {
            {"Origin", "null"},
            {"Origin", "http://" + "a".repeat(3000)},
            {"Origin", "file://", "Referer", "javascript:1"},
            {"Cookie", "=;;;"},
            {"Host", "'; DROP TABLE loot;--"}
        };
        String[] bodies = {
            null,
            "",
            "{",
            "[]",
            "{\"scenario\":\"../x\",\"data\":{}}",
            "{\"scenario\":\"x\",\"data\":\"s\"}",
            "\u0000",
            "{\"scenario\":\"" + "s".repeat(100) + "\",\"data\":{}}"
        };
        for (String[] headers : headerSets) {
            for (String body : bodies) {
                for (String contentType : new String[] {null, "application/json", "text/plain", "application/jsonx"}) {
                    HttpResponse<String> response = send(method, path, contentType, body, headers);
                    assertThat(response.statusCode())
                            .as(method + " " + path + " " + contentType + " " + body)
                            .isLessThan(500);
                    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
                }
            }
        }
        assertThat(send("GET", "/kit/lab-kit.js", null, null).statusCode()).isEqualTo(200);
        assertThat(attacker.loot().since(0)).isEmpty();
    }
}
