package lab.attacker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.VictimServer;
import lab.victim.auth.Session;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /own-session}, the attacker's own login script (session-tossing): it logs in to the lab's Flock as
 * mallory and nothing else, under every defence setting, and refuses anything else with a clear 4xx (or 502 when
 * Flock does not answer), leaving no session behind.
 */
class OwnSessionTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private VictimServer victim;
    private AttackerServer attacker;

    @BeforeEach
    void start() {
        victim = new VictimServer(Defences.WIDE_OPEN).start("127.0.0.1", 0);
        attacker = new AttackerServer(ScenarioCatalogue.load(), victim::origin).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        attacker.close();
        victim.close();
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + attacker.port() + pathAndQuery))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Session liveSession(JsonNode answer) {
        return victim.sessions().find(answer.get("cookieValue").asText()).orElseThrow();
    }

    @Test
    void it_answers_a_live_session_of_mallory_under_the_plain_cookie_name() throws Exception {
        HttpResponse<String> answer = send("POST", "/own-session", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("account").asText()).isEqualTo("mallory");
        assertThat(body.get("cookieName").asText()).isEqualTo("session");
        assertThat(liveSession(body).user()).isEqualTo("mallory");
    }

    @Test
    void under_the_hardened_preset_it_goes_through_the_login_forms_token_and_names_the_host_prefixed_cookie()
            throws Exception {
        victim.defences().set(Defences.HARDENED);
        HttpResponse<String> answer = send("POST", "/own-session", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("cookieName").asText()).isEqualTo("__Host-session");
        assertThat(liveSession(body).user()).isEqualTo("mallory");
    }

    @Test
    void any_other_method_is_refused_with_405_and_logs_nobody_in() throws Exception {
        HttpResponse<String> get = send("GET", "/own-session", null);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(send("PUT", "/own-session", null).statusCode()).isBetween(400, 499);
        assertThat(send("DELETE", "/own-session", null).statusCode()).isBetween(400, 499);
        assertThat(victim.sessions().count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "?account=alice",
                "?target=http://elsewhere.example/login",
                "?username=alice&password=wonderland",
                "?%00",
                "BODY username=alice&password=wonderland",
                "BODY {\"account\":\"alice\"}"
            })
    void parameters_are_refused_with_400_and_log_nobody_in(String extra) throws Exception {
        HttpResponse<String> answer = extra.startsWith("BODY ")
                ? send("POST", "/own-session", extra.substring(5))
                : send("POST", "/own-session" + extra, null);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("takes no parameters");
        assertThat(victim.sessions().count()).isZero();
        assertThat(attacker.loot().since(0)).isEmpty();
    }

    @Test
    void flock_down_is_a_502_naming_it() throws Exception {
        attacker.close();
        // Port 1 on loopback: nothing listens there.
        attacker =
                new AttackerServer(ScenarioCatalogue.load(), () -> "http://social.localhost:1").start("127.0.0.1", 0);
        HttpResponse<String> answer = send("POST", "/own-session", null);
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).contains("Flock did not answer");
        assertThat(attacker.loot().since(0)).isEmpty();
    }

    @Test
    void a_flock_that_refuses_the_login_is_a_502_saying_so_and_no_session_is_answered() throws Exception {
        victim.defences().set(Defences.WIDE_OPEN.with("host-check", "on"));
        attacker.close();
        // The right port under a name Flock's Host check does not know: Flock refuses the login form.
        attacker = new AttackerServer(ScenarioCatalogue.load(), () -> "http://elsewhere.localhost:" + victim.port())
                .start("127.0.0.1", 0);
        HttpResponse<String> answer = send("POST", "/own-session", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(502);
        assertThat(answer.body()).contains("Flock answered GET /login with").doesNotContain("cookieValue");
        assertThat(victim.sessions().count()).isZero();
    }
}
