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
}
