package lab.attacker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import lab.attacker.loot.LootStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LootStoreTest {

    @TempDir
    Path directory;

    @Test
    void loot_kept_in_a_directory_survives_a_restart() {
        try (LootStore store = LootStore.inDirectory(lab.victim.data.DataDirectory.of(directory))) {
            store.store("cookie-theft", "alice", "{\"email\":\"alice@wonderland.example\"}");
        }
        try (LootStore store = LootStore.inDirectory(lab.victim.data.DataDirectory.of(directory))) {
            assertThat(store.since(0))
                    .singleElement()
                    .satisfies(l -> assertThat(l.victimUser()).isEqualTo("alice"));
        }
    }

    @Test
    void a_hauls_case_nonce_is_kept_and_names_only_that_case() {
        try (LootStore store = LootStore.inMemory()) {
            store.store("cookie-theft", "alice", "{}", "0123456789abcdef0123456789abcdef");
            store.store("cookie-theft", "alice", "{}");

            assertThat(store.since(0))
                    .extracting(l -> l.isFor("0123456789abcdef0123456789abcdef"))
                    .containsExactly(true, false);
            assertThat(store.since(0)).noneMatch(l -> l.isFor(null));
        }
    }
}
