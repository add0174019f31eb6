package lab.runner.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Where a scan may go, decided once, and where its header probes then connect. */
class ScanTargetTest {

    @Test
    void loopback_names_and_literals_are_pinned_to_loopback_without_asking_a_resolver() {
        for (String url : new String[] {
            "http://localhost:7001/api/me", "http://social.localhost:7001/api/me", "http://127.0.0.1:7001/api/me"
        }) {
            ScanTarget target = ScanTarget.of(URI.create(url), false);
            assertThat(target.address().isLoopbackAddress()).as(url).isTrue();
            assertThat(target.pinned()).as(url).isEqualTo(URI.create("http://127.0.0.1:7001/api/me"));
        }
        assertThat(ScanTarget.of(URI.create("http://[::1]:7001/x?a=%20b"), false)
                        .pinned())
                .isEqualTo(URI.create("http://[0:0:0:0:0:0:0:1]:7001/x?a=%20b"));
    }

    @Test
    void a_name_that_only_dns_says_is_local_is_refused_without_allow_remote() {
        // A DNS answer may change between the check and the probes (rebinding): only names that need none pass.
        assertThatThrownBy(() -> ScanTarget.of(URI.create("http://intranet.example:7001/api/me"), false))
                .hasMessageContaining("not on this machine by its name")
                .hasMessageContaining("--allow-remote");
        assertThatThrownBy(() -> ScanTarget.of(URI.create("http://10.0.0.1/api/me"), false))
                .hasMessageContaining("not on this machine");
    }

    @Test
    void a_remote_target_is_resolved_once_and_probed_at_that_address() {
        ScanTarget target = ScanTarget.of(URI.create("http://192.0.2.7:8080/api"), true);
        assertThat(target.pinned()).isEqualTo(URI.create("http://192.0.2.7:8080/api"));
        assertThat(target.hostHeader()).isEqualTo("192.0.2.7:8080");
    }
}
