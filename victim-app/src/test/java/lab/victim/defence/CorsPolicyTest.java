package lab.victim.defence;

import static lab.victim.defence.CorsPolicy.ALLOW_CREDENTIALS;
import static lab.victim.defence.CorsPolicy.ALLOW_ORIGIN;
import static lab.victim.defence.CorsPolicy.VARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    private static final String OWN = "http://social.localhost:7001";
    private static final String EVIL = "http://evil.localhost:7002";
    private static final Set<String> ALLOWLIST = Set.of(OWN);

    @Test
    void off_sends_no_cors_headers_to_anyone() {
        assertThat(CorsPolicy.responseHeaders(CorsMode.OFF, EVIL, ALLOWLIST)).isEmpty();
        assertThat(CorsPolicy.responseHeaders(CorsMode.OFF, OWN, ALLOWLIST)).isEmpty();
    }

    @Test
    void wildcard_sends_star_with_credentials_whoever_asks() {
        assertThat(CorsPolicy.responseHeaders(CorsMode.WILDCARD, EVIL, ALLOWLIST))
                .containsEntry(ALLOW_ORIGIN, "*")
                .containsEntry(ALLOW_CREDENTIALS, "true");
    }

    @Test
    void reflect_trusts_the_attacker_origin_with_credentials() {
        assertThat(CorsPolicy.responseHeaders(CorsMode.REFLECT, EVIL, ALLOWLIST))
                .containsEntry(ALLOW_ORIGIN, EVIL)
                .containsEntry(ALLOW_CREDENTIALS, "true")
                .containsEntry(VARY, "Origin");
    }

    @Test
    void reflect_sends_no_allow_origin_when_the_request_has_no_origin() {
        assertThat(CorsPolicy.responseHeaders(CorsMode.REFLECT, null, ALLOWLIST)).doesNotContainKey(ALLOW_ORIGIN);
    }

    @Test
    void allowlist_trusts_the_listed_origin_with_credentials() {
        assertThat(CorsPolicy.responseHeaders(CorsMode.ALLOWLIST, OWN, ALLOWLIST))
                .containsEntry(ALLOW_ORIGIN, OWN)
                .containsEntry(ALLOW_CREDENTIALS, "true")
                .containsEntry(VARY, "Origin");
    }

    @Test
    void allowlist_refuses_the_attacker_and_every_near_miss_a_scanner_would_try() {
        for (String probe : new String[] {EVIL, "null", "http://evilsocial.localhost:7001",
                "http://social.localhost:7001.evil.localhost", "http://social.localhost", "https://social.localhost:7001",
                "http://pages.social.localhost:7001", "http://wwwxsocial.localhost:7001", OWN + "/", OWN.toUpperCase()}) {
            assertThat(CorsPolicy.responseHeaders(CorsMode.ALLOWLIST, probe, ALLOWLIST))
                    .as("probe origin %s", probe)
                    .doesNotContainKeys(ALLOW_ORIGIN, ALLOW_CREDENTIALS)
                    .containsEntry(VARY, "Origin");
        }
    }
}
