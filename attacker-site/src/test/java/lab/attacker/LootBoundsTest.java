package lab.attacker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import lab.attacker.loot.Loot;
import lab.attacker.loot.LootBounds;
import lab.attacker.loot.LootStore;
import lab.scenarios.ScenarioCatalogue;
import org.junit.jupiter.api.Test;

/** Anyone's page can post loot: the store keeps within its bounds and says how much it dropped. */
class LootBoundsTest {

    @Test
    void more_hauls_than_the_bound_leave_the_newest_and_count_the_rest() {
        try (LootStore store = LootStore.inMemory()) {
            int sent = LootBounds.MAX_HAULS + 234;
            for (int i = 0; i < sent; i++) {
                store.store("cookie-theft", "alice", "{\"n\":" + i + "}");
            }
            assertThat(store.count()).isEqualTo(LootBounds.MAX_HAULS);
            assertThat(store.dropped()).isEqualTo(234);
            assertThat(store.since(0))
                    .hasSize(LootBounds.MAX_HAULS)
                    .first()
                    .extracting(Loot::payload)
                    .isEqualTo("{\"n\":234}");
            store.clear();
            assertThat(store.count()).isZero();
            assertThat(store.dropped()).isZero();
        }
    }

    @Test
    void large_hauls_are_kept_within_the_total_size() {
        try (LootStore store = LootStore.inMemory()) {
            String large = "{\"x\":\"" + "y".repeat(60_000) + "\"}";
            for (int i = 0; i < 300; i++) {
                store.store("cookie-theft", null, large);
            }
            assertThat(store.totalChars()).isLessThanOrEqualTo(LootBounds.MAX_TOTAL_CHARS);
            long keptChars =
                    store.since(0).stream().mapToLong(l -> l.payload().length()).sum();
            assertThat(keptChars).isEqualTo(store.totalChars());
            assertThat(store.dropped() + store.count()).isEqualTo(300);
            assertThat(store.dropped()).isPositive();
        }
    }

    @Test
    void a_haul_larger_than_one_may_be_is_refused() {
        try (LootStore store = LootStore.inMemory()) {
            String tooLarge = "z".repeat(LootBounds.MAX_PAYLOAD_CHARS + 1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.store("cookie-theft", null, tooLarge))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(store.count()).isZero();
        }
    }

    @Test
    void the_loot_page_shows_the_newest_hauls_and_says_how_many_older_ones_were_dropped() throws Exception {
        try (AttackerServer attacker =
                new AttackerServer(ScenarioCatalogue.load(), () -> "http://social.localhost:1").start("127.0.0.1", 0)) {
            for (int i = 0; i < LootBounds.MAX_HAULS + 1_234; i++) {
                attacker.loot().store("cookie-theft", "alice", "{\"n\":" + i + "}");
            }
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + attacker.port() + "/loot"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("1,234 older hauls dropped", "The newest 50 of 1000 hauls kept");
            assertThat(Pattern.compile("<tr[ >]").matcher(page.body()).results().count())
                    .isEqualTo(51);
        }
    }
}
