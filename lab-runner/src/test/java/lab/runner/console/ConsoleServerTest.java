package lab.runner.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab.runner.LabServers;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's JSON API over real HTTP, and its protection against the sites it controls. */
class ConsoleServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private LabServers servers;
    private ConsoleServer console;
    private String host;

    @BeforeEach
    void start() {
        servers = LabServers.start(ScenarioCatalogue.load(), Defences.WIDE_OPEN, 0, 0);
        console = new ConsoleServer(servers).start(LabServers.LOOPBACK, 0);
        host = "lab.localhost:" + console.port();
    }

    @AfterEach
    void stop() {
        console.close();
        servers.close();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Host", host);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_console_page_and_api_answer_on_its_own_host() throws Exception {
        assertThat(send("GET", "/", null, null).body()).contains("Same-Origin Lab console");
        HttpResponse<String> defences = send("GET", "/api/defences", null, null);
        assertThat(defences.statusCode()).isEqualTo(200);
        assertThat(defences.body())
                .contains("\"cors\":\"reflect\"", "\"name\":\"fetch-metadata\"", "\"name\":\"hardened\"");
        assertThat(defences.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void a_put_changes_the_defences_at_once_preset_first() throws Exception {
        HttpResponse<String> response = send(
                "PUT",
                "/api/defences",
                "application/json",
                "{\"preset\":\"hardened\",\"samesite\":\"lax\"}",
                "Origin",
                "http://" + host);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(servers.victim().defences().current()).isEqualTo(Defences.HARDENED.with("samesite=lax"));
    }

    @Test
    void a_bad_defence_or_value_is_a_400_naming_it_and_changes_nothing() throws Exception {
        HttpResponse<String> badValue =
                send("PUT", "/api/defences", "application/json", "{\"cors\":\"off\",\"samesite\":\"maybe\"}");
        assertThat(badValue.statusCode()).isEqualTo(400);
        assertThat(badValue.body()).contains("'maybe'", "samesite");
        assertThat(send("PUT", "/api/defences", "application/json", "{\"firewall\":\"on\"}")
                        .body())
                .contains("'firewall'");
        assertThat(send("PUT", "/api/defences", "application/json", "{\"preset\":\"paranoid\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("PUT", "/api/defences", "application/json", "{\"cors\":{\"x\":1}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("PUT", "/api/defences", "application/json", "[1]").statusCode())
                .isEqualTo(400);
        assertThat(send("PUT", "/api/defences", "application/json", "{nope").statusCode())
                .isEqualTo(400);
        assertThat(servers.victim().defences().current()).isEqualTo(Defences.WIDE_OPEN);
    }

    @Test
    void writes_that_a_cross_site_page_could_send_without_a_preflight_are_refused() throws Exception {
        for (String contentType :
                new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            assertThat(send("PUT", "/api/defences", contentType, "{\"preset\":\"hardened\"}")
                            .statusCode())
                    .as(contentType)
                    .isEqualTo(415);
            assertThat(send("POST", "/api/reset", contentType, "{}").statusCode())
                    .as(contentType)
                    .isEqualTo(415);
        }
        assertThat(servers.victim().defences().current()).isEqualTo(Defences.WIDE_OPEN);
    }

    @Test
    void a_json_write_that_names_another_origin_is_refused() throws Exception {
        HttpResponse<String> response = send(
                "PUT",
                "/api/defences",
                "application/json",
                "{\"preset\":\"hardened\"}",
                "Origin",
                "http://evil.localhost:7002");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(servers.victim().defences().current()).isEqualTo(Defences.WIDE_OPEN);
    }

    @Test
    void a_request_under_another_host_name_is_refused_with_421() throws Exception {
        host = "evil.localhost:" + console.port();
        assertThat(send("GET", "/api/defences", null, null).statusCode()).isEqualTo(421);
        assertThat(send("PUT", "/api/defences", "application/json", "{\"preset\":\"hardened\"}")
                        .statusCode())
                .isEqualTo(421);
        assertThat(servers.victim().defences().current()).isEqualTo(Defences.WIDE_OPEN);
    }

    @Test
    void a_preflight_is_never_approved() throws Exception {
        HttpResponse<String> preflight = send(
                "OPTIONS",
                "/api/defences",
                null,
                null,
                "Origin",
                "http://evil.localhost:7002",
                "Access-Control-Request-Method",
                "PUT",
                "Access-Control-Request-Headers",
                "content-type");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .isEmpty();
    }

    @Test
    void the_journal_lists_what_the_victim_received_after_a_mark() throws Exception {
        http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + servers.victim().port() + "/api/public/posts"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> all = send("GET", "/api/journal", null, null);
        assertThat(all.body()).contains("\"path\":\"/api/public/posts\"", "\"status\":200");
        long last = servers.victim().journal().lastSeq();
        assertThat(send("GET", "/api/journal?since=" + last, null, null).body()).contains("\"entries\":[]");
        assertThat(send("GET", "/api/journal?since=-1", null, null).statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/api/journal?since=x", null, null).statusCode()).isEqualTo(400);
    }

    @Test
    void the_live_journal_pushes_each_new_entry_as_an_event() throws Exception {
        var events = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + "/api/journal/events"))
                        .header("Host", host)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        CompletableFuture<String> firstData = CompletableFuture.supplyAsync(() -> events.body()
                .filter(line -> line.startsWith("data:"))
                .findFirst()
                .orElse(null));
        // The stream's headers can arrive before the console has registered the page: record until one is heard.
        for (int i = 0; i < 50 && !firstData.isDone(); i++) {
            servers.victim()
                    .journal()
                    .record(JournalEntry.observed("GET", "/api/me", "http://evil.localhost:7002", true, "alice", 200));
            Thread.sleep(100);
        }
        assertThat(firstData.get(1, TimeUnit.SECONDS))
                .contains("\"path\":\"/api/me\"", "\"origin\":\"http://evil.localhost:7002\"", "\"user\":\"alice\"");
    }

    @Test
    void reset_wipes_the_journal_the_loot_and_every_session() throws Exception {
        servers.attacker().loot().store("cookie-theft", "alice", "{}");
        String session = servers.victim().sessions().create("alice").id();
        servers.victim().journal().record(JournalEntry.observed("GET", "/", null, false, null, 200));
        servers.victim().database().updateEmail("alice", "mallory@evil.example");

        HttpResponse<String> reset = send("POST", "/api/reset", "application/json", "{}");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(servers.attacker().loot().since(0)).isEmpty();
        assertThat(servers.victim().journal().since(0)).isEmpty();
        assertThat(servers.victim().sessions().find(session)).isEmpty();
        assertThat(servers.victim().database().profile("alice").orElseThrow().email())
                .isEqualTo("alice@wonderland.example");
    }
}
