package lab.runner.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.attacker.loot.LootBounds;
import lab.runner.LabServers;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whatever outside traffic stored, the console answers a page at a time, each under 1 MB, and says what was dropped. */
class ConsolePagingTest {

    private static final int ONE_MEGABYTE = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .header("Host", host)
                        .header("Origin", "http://" + host)
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JournalEntry large(int n) {
        String big = "h".repeat(7_000);
        return JournalEntry.observed(
                "GET",
                "/profile/" + n,
                "http://evil.localhost",
                "social.localhost",
                "cross-site",
                "no-cors",
                null,
                big,
                List.of(),
                false,
                null,
                Map.of(),
                404,
                null);
    }

    @Test
    void a_journal_page_stays_under_a_megabyte_and_leads_to_the_next() throws Exception {
        for (int i = 0; i < 600; i++) {
            servers.victim().journal().record(large(i));
        }
        HttpResponse<String> first = send("GET", "/api/journal?since=0&limit=500", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body().length()).isLessThan(ONE_MEGABYTE);
        JsonNode page = JSON.readTree(first.body());
        assertThat(page.get("entries").size()).isBetween(1, 499);
        assertThat(page.get("more").asBoolean()).isTrue();
        List<Long> seen = new ArrayList<>();
        page.get("entries").forEach(e -> seen.add(e.get("seq").asLong()));
        while (page.get("more").asBoolean()) {
            HttpResponse<String> next = send(
                    "GET", "/api/journal?limit=500&since=" + page.get("next").asLong(), null);
            assertThat(next.body().length()).isLessThan(ONE_MEGABYTE);
            page = JSON.readTree(next.body());
            page.get("entries").forEach(e -> seen.add(e.get("seq").asLong()));
        }
        assertThat(seen).hasSize(600).doesNotHaveDuplicates();
        assertThat(send("GET", "/api/journal?limit=501", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/journal?limit=0", null).statusCode()).isEqualTo(400);
    }

    @Test
    void without_since_the_journal_answers_its_newest_entries_and_says_how_many_were_dropped() throws Exception {
        var journal = servers.victim().journal();
        int sent = 3_000;
        for (int i = 0; i < sent; i++) {
            journal.record(large(i));
        }
        JsonNode page = JSON.readTree(send("GET", "/api/journal?limit=10", null).body());
        assertThat(page.get("entries")).hasSize(10);
        assertThat(page.get("entries").get(9).get("seq").asLong()).isEqualTo(journal.lastSeq());
        assertThat(journal.dropped()).isPositive();
        assertThat(page.get("dropped").asLong()).isEqualTo(journal.dropped());
        assertThat(page.get("note").asText())
                .isEqualTo(String.format("%,d older entries dropped from memory", journal.dropped()));
    }

    @Test
    void loot_pages_stay_under_a_megabyte_and_say_how_many_hauls_were_dropped() throws Exception {
        var loot = servers.attacker().loot();
        String large = "{\"stolen\":\"" + "\\\"q".repeat(20_000) + "\"}";
        for (int i = 0; i < 200; i++) {
            loot.store("cookie-theft", "alice", large);
        }
        List<Long> ids = new ArrayList<>();
        HttpResponse<String> first = send("GET", "/api/loot?limit=100", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body().length()).isLessThan(ONE_MEGABYTE);
        JsonNode page = JSON.readTree(first.body());
        assertThat(page.get("note").asText()).endsWith("older hauls dropped");
        assertThat(page.get("dropped").asLong()).isEqualTo(200 - loot.count());
        page.get("loot").forEach(h -> ids.add(h.get("id").asLong()));
        while (page.get("more").asBoolean()) {
            HttpResponse<String> next =
                    send("GET", "/api/loot?limit=100&before=" + page.get("next").asLong(), null);
            assertThat(next.body().length()).isLessThan(ONE_MEGABYTE);
            page = JSON.readTree(next.body());
            page.get("loot").forEach(h -> ids.add(h.get("id").asLong()));
        }
        assertThat(ids).hasSize(loot.count()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(send("GET", "/api/loot?limit=" + (RecordPages.MAX_LOOT_LIMIT + 1), null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(LootBounds.MAX_HAULS).isGreaterThan(loot.count());
    }

    @Test
    void reset_empties_the_journal_its_record_in_h2_and_the_loot() throws Exception {
        for (int i = 0; i < 500; i++) {
            servers.victim().journal().record(large(i));
        }
        servers.attacker().loot().store("cookie-theft", "alice", "{}");
        assertThat(servers.victim().journalArchive().flush(60_000)).isTrue();
        assertThat(servers.victim().journalArchive().count()).isGreaterThanOrEqualTo(500);

        assertThat(send("POST", "/api/reset", "{}").statusCode()).isEqualTo(200);

        assertThat(servers.victim().journalArchive().count()).isZero();
        assertThat(servers.victim().journal().windowSize()).isZero();
        assertThat(servers.attacker().loot().count()).isZero();
    }
}
