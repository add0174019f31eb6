package lab.runner.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import lab.runner.LabServers;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The facts the console's page shows beside the switches: where in the journal each change of defences was
 * made, and the SameSite each logged-in user's cookie was issued with against the one Flock issues now.
 */
class ConsoleRoomFactsTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
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

    private JsonNode call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                .header("Host", "lab.localhost:" + console.port())
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .header("Origin", "http://lab.localhost:" + console.port());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void each_change_of_defences_is_placed_after_the_newest_journal_entry_and_reset_forgets_them() throws Exception {
        servers.victim().sessions().create("alice", "; SameSite=None; Secure");
        long seqBefore = servers.victim().journal().lastSeq();

        JsonNode view = call("PUT", "/api/defences", "{\"cors\":\"allowlist\"}");
        assertThat(view.get("changes")).hasSize(1);
        JsonNode change = view.get("changes").get(0);
        assertThat(change.get("afterSeq").asLong()).isEqualTo(seqBefore);
        assertThat(change.get("change").asText()).isEqualTo("cors: reflect \u2192 allowlist");
        assertThat(change.get("samesite").asBoolean()).isFalse();

        // Setting a value it already has is no change, and leaves no marker.
        assertThat(call("PUT", "/api/defences", "{\"cors\":\"allowlist\"}").get("changes"))
                .hasSize(1);

        call("POST", "/api/reset", "{}");
        assertThat(call("GET", "/api/defences", null).get("changes")).isEmpty();
    }

    @Test
    void the_console_shows_which_samesite_each_held_cookie_was_issued_with_against_the_one_issued_now()
            throws Exception {
        servers.victim().sessions().create("alice", "; SameSite=None; Secure");
        JsonNode view = call("PUT", "/api/defences", "{\"samesite\":\"strict\"}");
        assertThat(view.get("issuedSameSite").asText()).isEqualTo("Strict");
        assertThat(view.get("sessions")).hasSize(1);
        assertThat(view.get("sessions").get(0).get("user").asText()).isEqualTo("alice");
        assertThat(view.get("sessions").get(0).get("sameSite").asText()).isEqualTo("None");
        assertThat(view.get("changes").get(0).get("samesite").asBoolean()).isTrue();

        // The console's page words it plainly: an old cookie needs a new login, not just the next request.
        String page = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + "/"))
                                .header("Host", "lab.localhost:" + console.port())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(page).contains("keeps the SameSite it was issued with").doesNotContain("the next request sees it");
    }
}
