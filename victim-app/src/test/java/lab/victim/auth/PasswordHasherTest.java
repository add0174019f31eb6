package lab.victim.auth;

import static org.assertj.core.api.Assertions.assertThat;

import lab.victim.data.VictimDatabase;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** A low work factor keeps the unit test fast; the format and checks are the same. */
    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void a_hash_verifies_its_own_password_and_no_other() {
        String stored = hasher.hash("correct horse".toCharArray());
        assertThat(hasher.verify("correct horse".toCharArray(), stored)).isTrue();
        assertThat(hasher.verify("correct hors".toCharArray(), stored)).isFalse();
    }

    @Test
    void the_same_password_hashes_differently_each_time_because_of_the_salt() {
        assertThat(hasher.hash("pw".toCharArray())).isNotEqualTo(hasher.hash("pw".toCharArray()));
    }

    @Test
    void the_stored_form_names_the_algorithm_and_work_factor_and_not_the_password() {
        String stored = hasher.hash("wonderland".toCharArray());
        assertThat(stored).startsWith("pbkdf2-sha512$1000$").doesNotContain("wonderland");
    }

    @Test
    void malformed_stored_values_never_verify() {
        for (String stored :
                new String[] {"", "wonderland", "pbkdf2-sha512$x$y$z", "md5$1$abc$def", "pbkdf2-sha512$0$AA$AA"}) {
            assertThat(hasher.verify("wonderland".toCharArray(), stored))
                    .as(stored)
                    .isFalse();
        }
    }

    @Test
    void the_seeded_users_hashes_match_the_documented_passwords() {
        try (VictimDatabase db = VictimDatabase.inMemory()) {
            PasswordHasher seedHasher = new PasswordHasher();
            assertThat(seedHasher.verify(
                            "wonderland".toCharArray(), db.passwordHash("alice").orElseThrow()))
                    .isTrue();
            assertThat(seedHasher.verify(
                            "builder".toCharArray(), db.passwordHash("bob").orElseThrow()))
                    .isTrue();
            assertThat(seedHasher.verify(
                            "evil-twin".toCharArray(),
                            db.passwordHash("mallory").orElseThrow()))
                    .isTrue();
            assertThat(db.passwordHash("alice").orElseThrow())
                    .startsWith("pbkdf2-sha512$" + PasswordHasher.DEFAULT_ITERATIONS + "$");
        }
    }

    @Test
    void a_password_that_matched_is_checked_quickly_next_time_and_a_wrong_one_never_is() {
        RecentVerifications recent = new RecentVerifications();
        PasswordHasher remembering = new PasswordHasher(1_000, recent);
        String stored = remembering.hash("correct horse".toCharArray());

        assertThat(remembering.verify("correct hors".toCharArray(), stored)).isFalse();
        assertThat(recent.size()).isZero();
        assertThat(remembering.verify("correct horse".toCharArray(), stored)).isTrue();
        assertThat(recent.matched(stored, "correct horse".toCharArray())).isTrue();
        assertThat(remembering.verify("correct hors".toCharArray(), stored)).isFalse();
        assertThat(remembering.verify("correct horse".toCharArray(), stored)).isTrue();
    }

    @Test
    void a_remembered_match_does_not_survive_a_tampered_stored_hash() {
        RecentVerifications recent = new RecentVerifications();
        PasswordHasher remembering = new PasswordHasher(1_000, recent);
        String stored = remembering.hash("pw".toCharArray());
        assertThat(remembering.verify("pw".toCharArray(), stored)).isTrue();

        String tampered = stored.substring(0, stored.length() - 2) + (stored.endsWith("A") ? "BB" : "AA");
        assertThat(remembering.verify("pw".toCharArray(), tampered)).isFalse();
    }
}
