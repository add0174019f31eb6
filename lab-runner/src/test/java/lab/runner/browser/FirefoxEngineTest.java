package lab.runner.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import lab.scenarios.ThirdPartyCookies;
import org.junit.jupiter.api.Test;

class FirefoxEngineTest {

    private static final String WILDCARD = "pageerror: Cross-Origin Request Blocked: The Same Origin Policy disallows"
            + " reading the remote resource at ‘http://social.localhost:7001/api/me’. (Reason: Credential is not"
            + " supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).";

    @Test
    void each_setting_sets_both_cookie_preferences_explicitly() {
        assertThat(FirefoxEngine.prefs(ThirdPartyCookies.ALLOWED))
                .containsEntry(FirefoxEngine.COOKIE_BEHAVIOR, 0)
                .containsEntry(FirefoxEngine.LAX_BY_DEFAULT, false);
        assertThat(FirefoxEngine.prefs(ThirdPartyCookies.BLOCKED)).containsEntry(FirefoxEngine.COOKIE_BEHAVIOR, 1);
        assertThat(FirefoxEngine.prefs(ThirdPartyCookies.BROWSER_DEFAULT))
                .containsEntry(FirefoxEngine.COOKIE_BEHAVIOR, 5)
                .containsEntry(FirefoxEngine.LAX_BY_DEFAULT, false);
    }

    @Test
    void firefox_explains_a_blocked_read_in_a_page_error_and_its_reason_is_in_brackets() {
        BrowserEngine firefox = new FirefoxEngineProbe().engine();
        assertThat(firefox.explainsBlockedRead(WILDCARD)).isTrue();
        assertThat(firefox.explainsBlockedRead("error: Access to fetch at ... blocked by CORS policy: x"))
                .isFalse();
        assertThat(firefox.blockedReadReason(WILDCARD))
                .isEqualTo("Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’");
        assertThat(firefox.pageErrorText("Cross-Origin Request Blocked: x\nCross-Origin Request Blocked: x\nundefined"))
                .isEqualTo("Cross-Origin Request Blocked: x");
    }

    @Test
    void a_firefox_that_is_not_there_is_refused_naming_the_package() {
        assertThatThrownBy(() -> FirefoxEngine.locate(Optional.of(Path.of("/no/such/firefox"))))
                .isInstanceOf(BrowserUnavailableException.class)
                .hasMessageContaining("apt-get install firefox-esr");
    }

    @Test
    void chromium_s_browser_default_is_allowed_and_shares_its_profile() {
        BrowserEngine chromium =
                BrowserEngines.create("chromium", Optional.of(Path.of("/usr/bin/chromium")), BrowserOptions.HEADLESS);
        assertThat(chromium.profileFor(ThirdPartyCookies.BROWSER_DEFAULT)).isEqualTo(ThirdPartyCookies.ALLOWED);
    }

    /** A Firefox engine for the wording tests, whichever binary this machine has (the binary is not started). */
    private static final class FirefoxEngineProbe {
        BrowserEngine engine() {
            return FirefoxEngine.create(Optional.of(Path.of("/bin/sh")), BrowserOptions.HEADLESS);
        }
    }

    @Test
    void a_run_says_so_in_one_line_when_firefox_or_playwright_is_not_the_measured_pairing() {
        BrowserInfo measured = new BrowserInfo("Firefox", FirefoxDrift.MEASURED_FIREFOX, "/usr/bin/firefox-esr");
        assertThat(FirefoxDrift.line(measured, FirefoxDrift.MEASURED_PLAYWRIGHT))
                .isEmpty();

        BrowserInfo newer = new BrowserInfo("Firefox", "160.1.0esr", "/usr/bin/firefox-esr");
        assertThat(FirefoxDrift.line(newer, FirefoxDrift.MEASURED_PLAYWRIGHT))
                .hasValueSatisfying(line -> assertThat(line)
                        .doesNotContain("\n")
                        .startsWith("Firefox 160.1.0esr under Playwright " + FirefoxDrift.MEASURED_PLAYWRIGHT)
                        .contains("measured with Firefox " + FirefoxDrift.MEASURED_FIREFOX, "may differ"));
        assertThat(FirefoxDrift.line(measured, "1.70.0"))
                .hasValueSatisfying(line -> assertThat(line).contains("under Playwright 1.70.0"));
    }

    @Test
    void a_binary_s_own_version_is_the_first_word_that_starts_with_a_digit() {
        assertThat(BrowserVersion.parse("Mozilla Firefox 153.8.0esr\n")).contains("153.8.0esr");
        assertThat(BrowserVersion.parse("Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)"))
                .contains("156.0.8078.114");
        assertThat(BrowserVersion.parse("no version here")).isEmpty();
    }
}
