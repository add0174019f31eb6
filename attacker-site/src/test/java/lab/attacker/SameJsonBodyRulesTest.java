package lab.attacker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.VictimServer;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The victim's API and the attacker's loot backend read JSON bodies with one reader: the same bad body gets the
 * same status and the same reason from both sites (before this, one took 64 KiB and the other 16 KiB).
 */
class SameJsonBodyRulesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private VictimServer victim;
    private AttackerServer attacker;
    private String aliceCookie;

    @BeforeEach
    void start() throws Exception {
        victim = new VictimServer(Defences.WIDE_OPEN).start("127.0.0.1", 0);
        attacker = new AttackerServer(ScenarioCatalogue.load(), victim::origin).start("127.0.0.1", 0);
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + victim.port() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=wonderland"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(303);
        aliceCookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    @AfterEach
    void stop() {
        attacker.close();
        victim.close();
    }

    private HttpResponse<String> send(String url, String method, String body, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "not json",
                "{",
                "",
                "[]",
                "null",
                "{\"email\": \"a@b.example\"} {\"email\": \"c@d.example\"}",
                "{\"email\": \"a@b.example\", \"email\": \"c@d.example\"}",
                "OVERSIZED"
            })
    void a_bad_body_gets_the_same_status_and_reason_from_both_sites(String body) throws Exception {
        String sent = body.equals("OVERSIZED") ? "{\"email\": \"" + "e".repeat(70_000) + "\"}" : body;
        HttpResponse<String> toVictim =
                send("http://127.0.0.1:" + victim.port() + "/api/settings/email", "PUT", sent, aliceCookie);
        HttpResponse<String> toAttacker = send("http://127.0.0.1:" + attacker.port() + "/collect", "POST", sent, null);

        assertThat(toVictim.statusCode()).as("victim").isIn(400, 413);
        assertThat(toAttacker.statusCode()).as("attacker").isEqualTo(toVictim.statusCode());
        String reason = toVictim.body().replaceAll(".*\"error\":\"([^\"]*)\".*", "$1");
        assertThat(reason).as("the victim's reason").isNotBlank().doesNotContain("{", "\"");
        assertThat(toAttacker.body()).as("the attacker's answer").contains(reason);
        assertThat(victim.database().profile("alice").orElseThrow().email()).isEqualTo("alice@wonderland.example");
        assertThat(attacker.loot().since(0)).isEmpty();
    }
}
