package lab.runner.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import lab.scenarios.ThirdPartyCookies;
import org.junit.jupiter.api.Test;

class BrowserEnginesTest {

    private static final String BLOCKED = "error: Access to fetch at 'http://social.localhost:7001/api/me' from origin"
            + " 'http://evil.localhost:7002' has been blocked by CORS policy: The value of the"
            + " 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*'";

    @Test
    void chromium_is_the_default_engine_and_an_unknown_one_is_refused_by_name() {
        assertThat(BrowserEngines.keys()).first().isEqualTo(BrowserEngines.DEFAULT);
        assertThatThrownBy(() -> BrowserEngines.create("netscape", Optional.empty(), BrowserOptions.HEADLESS))
                .hasMessageContaining("netscape")
                .hasMessageContaining("chromium");
    }

    @Test
    void the_headless_shell_shares_one_profile_and_the_full_browser_has_one_per_setting() {
        BrowserEngine shell = BrowserEngines.create(
                "chromium", Optional.of(Path.of("/usr/bin/chromium-headless-shell")), BrowserOptions.HEADLESS);
        BrowserEngine full =
                BrowserEngines.create("chromium", Optional.of(Path.of("/usr/bin/chromium")), BrowserOptions.HEADLESS);
        assertThat(shell).isInstanceOf(ChromiumHeadlessShell.class);
        assertThat(shell.profileFor(ThirdPartyCookies.BLOCKED)).isEqualTo(ThirdPartyCookies.ALLOWED);
        assertThat(full).isInstanceOf(ChromiumFullBrowser.class);
        assertThat(full.profileFor(ThirdPartyCookies.BLOCKED)).isEqualTo(ThirdPartyCookies.BLOCKED);
    }

    @Test
    void chromium_explains_a_blocked_read_in_the_console_and_its_reason_follows_the_urls() {
        BrowserEngine chromium = BrowserEngines.create("chromium", Optional.empty(), BrowserOptions.HEADLESS);
        assertThat(chromium.explainsBlockedRead(BLOCKED)).isTrue();
        assertThat(chromium.explainsBlockedRead("error: Failed to load resource: net::ERR_FAILED"))
                .isFalse();
        assertThat(chromium.blockedReadReason(BLOCKED))
                .startsWith("The value of the")
                .endsWith("wildcard '*'");
    }
}
