package lab.runner.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import lab.runner.LabCatalogue;
import lab.runner.LabServers;
import lab.runner.challenges.ChallengeDesk;
import lab.runner.challenges.ChallengeProgress;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Challenges panel's endpoints follow the console's guard (other tabs cannot drive them) and answer bad input
 * with a 4xx, without a browser ever starting: every request here is refused before a delivery would begin.
 */
class ChallengesEndpointsTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private LabServers servers;
    private ConsoleServer console;
    private ChallengeDesk desk;
    private String host;

    @BeforeEach
    void start() {
        ScenarioCatalogue scenarios = LabCatalogue.load();
        servers = LabServers.start(scenarios, Defences.WIDE_OPEN, 0, 0);
        desk = new ChallengeDesk(
                servers, scenarios, LabCatalogue.challenges(scenarios), ChallengeProgress.inMemory(), Optional.empty());
        console = new ConsoleServer(servers).offering(desk).start(LabServers.LOOPBACK, 0);
        host = "lab.localhost:" + console.port();
    }

    @AfterEach
    void stop() {
        console.close();
        desk.close();
        servers.close();
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Host", host);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anotherTabCannotRevealHintsOrDeliver() throws Exception {
        assertThat(post("/api/challenges/steal-with-reflect/hint", "{}", "Content-Type", "text/plain")
                        .statusCode())
                .isEqualTo(415);
        assertThat(post(
                                "/api/challenges/steal-with-reflect/deliver",
                                "{\"source\":\"<p>x\"}",
                                "Content-Type",
                                "application/json",
                                "Origin",
                                "http://evil.localhost:7002")
                        .statusCode())
                .isEqualTo(403);
        assertThat(desk.view().toString()).doesNotContain("/api/me; Flock's own pages");
    }

    @Test
    void theConsolesOwnPageRevealsOneHintAtATime() throws Exception {
        HttpResponse<String> first =
                post("/api/challenges/steal-with-reflect/hint", "{}", "Content-Type", "application/json");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"hintCount\":3").contains("/api/me");
        assertThat(first.body()).doesNotContain("credentials: 'include'");
    }

    @Test
    void badInputIsA4xx() throws Exception {
        String json = "application/json";
        assertThat(post("/api/challenges/no-such/hint", "{}", "Content-Type", json)
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/challenges/steal-with-reflect/deliver", "{}", "Content-Type", json)
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/challenges/steal-with-reflect/deliver", "not json", "Content-Type", json)
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(
                                "/api/challenges/defend-the-settings/defend",
                                "{\"defences\":{\"cors\":\"maybe\"}}",
                                "Content-Type",
                                json)
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(
                                "/api/challenges/steal-with-reflect/deliver",
                                "{\"source\":\"<p>x\",\"host\":\"bank.example\"}",
                                "Content-Type",
                                json)
                        .statusCode())
                .isEqualTo(400);
        assertThat(servers.attacker().exploits().store().all()).isEmpty();
    }
}
