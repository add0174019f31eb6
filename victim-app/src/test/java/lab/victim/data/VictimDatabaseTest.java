package lab.victim.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VictimDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void a_database_in_a_directory_keeps_its_changes_across_a_restart_and_is_seeded_once() {
        try (VictimDatabase db = VictimDatabase.inDirectory(DataDirectory.of(directory))) {
            assertThat(db.feed()).hasSize(3);
            db.addPost("bob", "Still here after a restart?");
            db.updateEmail("alice", "alice@changed.example");
        }
        try (VictimDatabase db = VictimDatabase.inDirectory(DataDirectory.of(directory))) {
            assertThat(db.feed()).hasSize(4).first().extracting(Post::body).isEqualTo("Still here after a restart?");
            assertThat(db.profile("alice").orElseThrow().email()).isEqualTo("alice@changed.example");
            db.restoreSeededEmails();
            assertThat(db.profile("alice").orElseThrow().email()).isEqualTo("alice@wonderland.example");
        }
    }

    @Test
    void an_in_memory_database_starts_from_the_seed_every_time() {
        try (VictimDatabase db = VictimDatabase.inMemory()) {
            db.addPost("bob", "gone after close");
        }
        try (VictimDatabase db = VictimDatabase.inMemory()) {
            assertThat(db.feed()).hasSize(3);
        }
    }

    @Test
    void looking_up_names_nobody_has_keeps_nothing_in_memory() {
        try (VictimDatabase db = VictimDatabase.inMemory()) {
            for (int i = 0; i < 1_000; i++) {
                assertThat(db.profile("stranger-" + i + "-" + "x".repeat(200))).isEmpty();
            }
            assertThat(db.profile("alice")).isPresent();
            assertThat(db.profile("alice")).isPresent();
            assertThat(db.cachedProfiles()).isEqualTo(1);
        }
    }

    @Test
    void the_feed_keeps_only_the_newest_posts_however_many_are_made() {
        try (VictimDatabase db = VictimDatabase.inMemory()) {
            int posts = VictimDatabase.MAX_POSTS + VictimDatabase.POST_TRIM_BATCH + 5;
            for (int i = 0; i < posts; i++) {
                db.addPost("bob", "post " + i);
            }
            assertThat(db.feed()).hasSizeLessThanOrEqualTo(VictimDatabase.MAX_POSTS + VictimDatabase.POST_TRIM_BATCH);
            assertThat(db.feed()).extracting(Post::body).contains("post " + (posts - 1));
        }
    }
}
