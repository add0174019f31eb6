package lab.runner.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import lab.runner.LabServers;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile and malformed input against every endpoint of the console: a clean 4xx, never a 500, never a change. */
class ConsoleBadInputTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private LabServers servers;
    private ConsoleServer console;

    @BeforeEach
    void start() {
        servers = LabServers.start(ScenarioCatalogue.load(), Defences.WIDE_OPEN, 0, 0);
        console = new ConsoleServer(servers).start(LabServers.LOOPBACK, 0);
    }

    @AfterEach
    void stop() {
        console.close();
        servers.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /",
        "GET, /api/defences",
        "PUT, /api/defences",
        "GET, /api/journal",
        "GET, /api/journal?since=99999999999999999999",
        "GET, /api/loot",
        "POST, /api/reset",
        "GET, /api/scenarios",
        "POST, /api/scenarios/cookie-theft/run",
        "POST, /api/scenarios/..%2F..%2Fetc/run",
        "DELETE, /api/defences",
        "GET, /nowhere"
    })
    void every_endpoint_refuses_bad_input_cleanly_and_nothing_changes(String method, String path) throws Exception {
        String[] bodies = {
            "",
            "{",
            "[]",
            "null",
            "{\"cors\":\"everything\"}",
            "{\"cors\":null}",
            "{\"preset\":[]}",
            "{\"thirdPartyCookies\":\"sometimes\"}",
            "{\"" + "k".repeat(5_000) + "\":1}",
            "\u0000"
        };
        // A well-formed reset ignores its body by design: only the reads and the malformed writes are bad input here.
        boolean write = !method.equals("GET");
        String[] contentTypes = {
            null, "application/json", "text/plain", "application/jsonx", "application/json; charset=utf-8"
        };
        String[][] headerSets = {
            {"Host", "lab.localhost:" + console.port()},
            {"Host", "evil.localhost:" + console.port()},
            {"Host", "lab.localhost:" + console.port(), "Origin", "null"},
            {"Host", "a".repeat(3000)}
        };
        for (String[] headers : headerSets) {
            for (String body : bodies) {
                for (String contentType : contentTypes) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + console.port() + path))
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .headers(headers);
                    if (contentType != null) {
                        request.header("Content-Type", contentType);
                    }
                    String joined = String.join(" ", headers);
                    String what = method + " " + path + " " + joined.substring(0, Math.min(40, joined.length())) + " "
                            + contentType + " " + body.substring(0, Math.min(30, body.length()));
                    if (write
                                    && path.equals("/api/reset")
                                    && body.startsWith("{\"")
                                    && contentType != null
                                    && contentType.startsWith("application/json;")
                            || write
                                    && path.equals("/api/reset")
                                    && body.startsWith("{\"")
                                    && "application/json".equals(contentType)
                                    && headers.length == 2
                                    && headers[1].startsWith("lab.")) {
                        continue;
                    }
                    HttpResponse<String> response;
                    try {
                        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    } catch (java.io.IOException e) {
                        throw new AssertionError("no answer to " + what, e);
                    }
                    // 503 is this browserless console's clear answer to a scenario run; anything else must be a 4xx.
                    assertThat(response.statusCode())
                            .as(what)
                            .satisfiesAnyOf(
                                    status -> assertThat(status).isLessThan(500),
                                    status -> assertThat(status).isEqualTo(path.endsWith("/run") ? 503 : 400));
                    if (write) {
                        assertThat(response.statusCode()).as(what).isNotEqualTo(200);
                    }
                    assertThat(response.body())
                            .as(what)
                            .doesNotContain("Exception")
                            .doesNotContain("\tat ");
                }
            }
        }
        assertThat(servers.victim().defences().current()).isEqualTo(Defences.WIDE_OPEN);
    }
}
