package lab.attacker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import lab.attacker.AttackerServer;
import lab.scenarios.ScenarioCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A page under a name the lab never serves (a DNS-rebinding attacker's) cannot read the attacker's loot. */
class HostGuardTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private AttackerServer attacker;

    @BeforeEach
    void start() {
        attacker = new AttackerServer(ScenarioCatalogue.load(), () -> "http://social.localhost:7001")
                .start("127.0.0.1", 0);
        attacker.loot().store("cookie-theft", "alice", "{\"email\":\"alice@wonderland.example\"}");
    }

    @AfterEach
    void stop() {
        attacker.close();
    }

    private HttpResponse<String> loot(String hostName) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + attacker.port() + "/loot"))
                        .header("Host", hostName + ":" + attacker.port())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"attacker.example", "lab.localhost", "other.localhost", "evil.localhost.example", "EVIL"})
    void a_foreign_host_name_is_refused_with_421_and_reads_no_loot(String hostName) throws Exception {
        HttpResponse<String> answer = loot(hostName);
        assertThat(answer.statusCode()).isEqualTo(421);
        assertThat(answer.body()).doesNotContain("wonderland");
    }

    @Test
    void every_name_the_lab_opens_the_site_by_is_served() throws Exception {
        HostGuard guard = new HostGuard(ScenarioCatalogue.load(), () -> "http://social.localhost:7001");
        assertThat(guard.names())
                .contains(
                        "evil.localhost",
                        "rebind.localhost",
                        "evilsocial.localhost",
                        "wwwxsocial.localhost",
                        "social.localhost.evil.localhost",
                        "pages.social.localhost");
        for (String name : guard.names()) {
            assertThat(loot(name).statusCode()).as(name).isEqualTo(200);
        }
        assertThat(loot("social.localhost").statusCode()).isEqualTo(200);
        assertThat(loot("EVIL.LOCALHOST").body()).contains("wonderland");
    }
}
