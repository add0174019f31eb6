package lab.victim.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Logins anyone's page can trigger cannot fill the memory with sessions. */
class SessionStoreBoundsTest {

    @Test
    void past_the_bound_the_oldest_sessions_are_forgotten() {
        SessionStore store = new SessionStore();
        Session first = store.create("alice");
        Session last = null;
        for (int i = 0; i < SessionStore.MAX_SESSIONS + 500; i++) {
            last = store.create("alice");
        }
        assertThat(store.count()).isEqualTo(SessionStore.MAX_SESSIONS);
        assertThat(store.find(first.id())).isEmpty();
        assertThat(store.find(last.id())).contains(last);
    }
}
