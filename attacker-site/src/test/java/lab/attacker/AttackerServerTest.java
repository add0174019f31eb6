package lab.attacker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import lab.attacker.loot.Loot;
import lab.scenarios.ScenarioCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spam site over real HTTP on loopback: its pages, its configuration script and its loot backend. */
class AttackerServerTest {

    /** Port 1 on loopback: nothing listens there, so forged requests find no victim. */
    private static final String VICTIM_UNREACHABLE = "http://social.localhost:1";

    private final HttpClient http = HttpClient.newHttpClient();
    private AttackerServer attacker;
    private String base;

    @BeforeEach
    void start() {
        attacker = new AttackerServer(ScenarioCatalogue.load(), () -> VICTIM_UNREACHABLE).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + attacker.port();
    }

    @AfterEach
    void stop() {
        attacker.close();
    }

    @Test
    void the_front_door_is_the_prize_page_that_reads_the_victims_profile() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("YOU WON", "stealProfile");
    }

    @Test
    void a_page_carries_the_configuration_and_the_kit_itself_and_the_kit_may_be_kept_by_the_browser() throws Exception {
        HttpResponse<String> page = get("/scenarios/cookie-theft/attack.html");
        assertThat(page.body())
                .doesNotContain("src=\"/lab-config.js\"", "src=\"/kit/lab-kit.js\"", "href=\"/kit/lab-kit.css\"")
                .contains("<script>window.LAB = Object.freeze({")
                .contains("\"attackerOrigin\":\"http://evil.localhost:" + attacker.port() + "\"")
                .contains(get("/kit/lab-kit.js").body(), get("/kit/lab-kit.css").body());
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(get("/kit/lab-kit.js").headers().firstValue("Cache-Control")).hasValue("max-age=600");
        assertThat(get("/lab-config.js").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void the_configuration_script_tells_pages_where_the_victim_lives() throws Exception {
        HttpResponse<String> script = get("/lab-config.js");
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(script.body())
                .startsWith("window.LAB = Object.freeze({")
                .contains("\"victimOrigin\":\"" + VICTIM_UNREACHABLE + "\"")
                .contains("\"attackerOrigin\":\"http://evil.localhost:" + attacker.port() + "\"");
    }

    @Test
    void scenario_pages_are_served_by_scenario_and_file_name() throws Exception {
        assertThat(get("/scenarios/cookie-theft/attack.html").statusCode()).isEqualTo(200);
        assertThat(get("/scenarios/cookie-theft/scenario.json").statusCode()).isEqualTo(404);
        assertThat(get("/scenarios/cookie-theft/..%2Findex.json").statusCode()).isEqualTo(404);
        assertThat(get("/scenarios/nope/attack.html").statusCode()).isEqualTo(404);
    }

    @Test
    void the_kit_every_page_loads_is_served() throws Exception {
        assertThat(get("/kit/lab-kit.js").body()).contains("exfiltrate", "finish");
        assertThat(get("/kit/lab-kit.css").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(get("/kit/scenario.json").statusCode()).isEqualTo(404);
    }

    @Test
    void loot_may_come_as_text_plain_the_simple_request_any_origin_can_send() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/collect"))
                        .header("Content-Type", "text/plain;charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"scenario\":\"null-origin\",\"data\":{\"username\":\"alice\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(attacker.loot().since(0))
                .singleElement()
                .satisfies(l -> assertThat(l.scenario()).isEqualTo("null-origin"));
    }

    @Test
    void the_forge_endpoint_sends_forged_headers_only_to_the_victims_api() throws Exception {
        assertThat(get("/forge?path=/login").statusCode()).isEqualTo(400);
        assertThat(get("/forge?path=http://elsewhere/api/me").statusCode()).isEqualTo(400);
        assertThat(get("/forge").statusCode()).isEqualTo(400);
        // The victim of this test is not running: the attacker's backend says so instead of failing.
        HttpResponse<String> unreachable = get("/forge?path=/api/me");
        assertThat(unreachable.statusCode()).isEqualTo(502);
        assertThat(unreachable.body()).contains("did not answer");
    }

    @Test
    void the_rebinding_switch_points_the_attackers_name_at_the_victim() throws Exception {
        attacker.rebinding().pointAtAttacker();
        assertThat(attacker.rebinding().pointsAtVictim()).isFalse();
        HttpResponse<String> switched = http.send(
                HttpRequest.newBuilder(URI.create(base + "/rebind/switch"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(switched.statusCode()).isEqualTo(200);
        assertThat(attacker.rebinding().pointsAtVictim()).isTrue();
    }

    @Test
    void the_rebinding_forwarder_serves_the_attackers_pages_until_the_switch() throws Exception {
        attacker.rebinding().pointAtAttacker();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + attacker.rebinding().port() + "/scenarios/dns-rebinding/attack.html"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/rebind/switch");
    }

    @Test
    void stolen_data_sent_home_is_stored_with_the_victims_name() throws Exception {
        HttpResponse<String> response =
                postJson("{\"scenario\":\"cookie-theft\",\"data\":{\"username\":\"alice\",\"email\":\"a@x\"}}");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(attacker.loot().since(0)).singleElement().satisfies(loot -> {
            assertThat(loot.scenario()).isEqualTo("cookie-theft");
            assertThat(loot.victimUser()).isEqualTo("alice");
            assertThat(loot.payload()).contains("a@x");
        });
    }

    @Test
    void malformed_loot_is_refused_and_nothing_is_stored() throws Exception {
        assertThat(postJson("{not json").statusCode()).isEqualTo(400);
        assertThat(postJson("[]").statusCode()).isEqualTo(400);
        assertThat(postJson("{\"scenario\":\"cookie-theft\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("{\"scenario\":\"../x\",\"data\":{}}").statusCode()).isEqualTo(400);
        assertThat(postJson("{\"scenario\":\"x\",\"data\":{\"pad\":\"" + "a".repeat(70_000) + "\"}}")
                        .statusCode())
                .isEqualTo(413);
        HttpResponse<String> wrongType = http.send(
                HttpRequest.newBuilder(URI.create(base + "/collect"))
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\":\"x\",\"data\":{}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(attacker.loot().since(0)).isEmpty();
    }

    @Test
    void the_loot_page_lists_stolen_data_escaped() throws Exception {
        postJson(
                "{\"scenario\":\"cookie-theft\",\"data\":{\"username\":\"<b>alice</b>\",\"bio\":\"<script>alert(1)</script>\"}}");
        HttpResponse<String> page = get("/loot");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("&lt;b&gt;alice&lt;/b&gt;")
                .doesNotContain("<b>alice")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void the_loot_store_counts_from_a_mark() {
        long mark = attacker.loot().lastId();
        Loot stored = attacker.loot().store("cookie-theft", "bob", "{}");
        assertThat(stored.id()).isGreaterThan(mark);
        assertThat(attacker.loot().since(mark)).containsExactly(stored);
        assertThat(attacker.loot().lastId()).isEqualTo(stored.id());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/collect"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
