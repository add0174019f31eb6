package lab.victim.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecentVerificationsTest {

    private final MovableClock clock = new MovableClock();
    private final RecentVerifications recent = new RecentVerifications(Duration.ofMinutes(10), 3, clock);

    @Test
    void only_the_password_that_matched_is_remembered_and_only_for_its_stored_hash() {
        recent.remember("hash-a", "wonderland".toCharArray());

        assertThat(recent.matched("hash-a", "wonderland".toCharArray())).isTrue();
        assertThat(recent.matched("hash-a", "wonderlan".toCharArray())).isFalse();
        assertThat(recent.matched("hash-a", "".toCharArray())).isFalse();
        // A changed password has a new stored hash: the old entry never answers for it.
        assertThat(recent.matched("hash-b", "wonderland".toCharArray())).isFalse();
    }

    @Test
    void an_entry_expires_after_its_lifetime() {
        recent.remember("hash-a", "wonderland".toCharArray());
        clock.advance(Duration.ofMinutes(9));
        assertThat(recent.matched("hash-a", "wonderland".toCharArray())).isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(recent.matched("hash-a", "wonderland".toCharArray())).isFalse();
        assertThat(recent.size()).isZero();
    }

    @Test
    void a_full_table_forgets_its_oldest_entry() {
        for (String stored : new String[] {"h1", "h2", "h3", "h4"}) {
            recent.remember(stored, "pw".toCharArray());
        }

        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.matched("h1", "pw".toCharArray())).isFalse();
        assertThat(recent.matched("h4", "pw".toCharArray())).isTrue();
    }

    @Test
    void two_tables_do_not_share_their_key() {
        RecentVerifications other = new RecentVerifications();
        recent.remember("hash-a", "wonderland".toCharArray());
        assertThat(other.matched("hash-a", "wonderland".toCharArray())).isFalse();
    }

    @Test
    void nonsense_settings_are_refused() {
        assertThatThrownBy(() -> new RecentVerifications(Duration.ZERO, 3, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentVerifications(Duration.ofMinutes(1), 0, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
