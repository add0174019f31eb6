package lab.victim.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A session ends after an idle hour and at logout; a session in use lives on. */
class SessionStoreTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();
    private final SessionStore store = new SessionStore(clock);

    @Test
    void a_session_idle_for_more_than_an_hour_is_gone() {
        String id = store.create("alice").id();
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertThat(store.find(id)).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void a_session_in_use_lives_on_past_the_hour() {
        String id = store.create("alice").id();
        for (int i = 0; i < 3; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(50));
            assertThat(store.find(id)).isPresent();
        }
    }

    @Test
    void logging_out_ends_the_session_at_once_and_expired_ones_are_cleared_by_the_next_login() {
        String alice = store.create("alice").id();
        store.end(alice);
        assertThat(store.find(alice)).isEmpty();

        store.create("bob");
        clock.now = clock.now.plus(Duration.ofHours(2));
        store.create("carol");
        assertThat(store.size()).isEqualTo(1);
    }
}
