package lab.runner.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.runner.LabSession;
import lab.runner.LabTestSession;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The doctor fails loudly when the browser does not behave as the lessons assume. The wrong behaviour is
 * made real by handing the checks the profile of the other third-party cookie setting.
 */
class DoctorMisconfiguredBrowserIT {

    private static LabSession session;

    @BeforeAll
    static void startLab() {
        session = LabTestSession.start(ScenarioCatalogue.load());
    }

    @AfterAll
    static void stopLab() {
        if (session != null) {
            session.close();
        }
    }

    /** A doctor whose every page follows {@code actual}, whatever setting a check asks for. */
    private static Doctor doctorWithEveryProfile(ThirdPartyCookies actual) {
        return new Doctor(session.servers(), setting -> session.browser().newPage(actual));
    }

    private static CheckResult result(List<CheckResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void
            a_profile_that_blocks_third_party_cookies_where_the_lessons_expect_them_allowed_fails_and_says_the_cookie_was_not_sent() {
        List<CheckResult> results =
                doctorWithEveryProfile(ThirdPartyCookies.BLOCKED).runQuick();

        CheckResult allowed = result(results, "third-party-cookies-allowed");
        assertThat(allowed.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(allowed.expected()).contains("is sent");
        assertThat(allowed.observed())
                .contains("GET /api/me from http://evil.localhost:")
                .endsWith("without the session cookie");
        assertThat(result(results, "third-party-cookies-blocked").passed())
                .as("the setting that matches")
                .isTrue();
    }

    @Test
    void
            a_profile_that_allows_third_party_cookies_where_the_lessons_expect_them_blocked_fails_and_says_the_cookie_was_sent() {
        List<CheckResult> results =
                doctorWithEveryProfile(ThirdPartyCookies.ALLOWED).runQuick();

        CheckResult blocked = result(results, "third-party-cookies-blocked");
        assertThat(blocked.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(blocked.observed()).endsWith("with the session cookie");
        assertThat(result(results, "third-party-cookies-allowed").passed())
                .as("the setting that matches")
                .isTrue();
    }

    @Test
    void the_quick_checks_pass_with_the_labs_own_profiles_and_put_the_victims_defences_back() {
        session.servers().victim().defences().set(Defences.HARDENED);

        List<CheckResult> results = Doctor.quickChecks(session);

        assertThat(results)
                .extracting(CheckResult::name)
                .containsExactly("lax-by-default", "third-party-cookies-allowed", "third-party-cookies-blocked");
        assertThat(results)
                .allSatisfy(r -> assertThat(r.passed())
                        .as(r.name() + ": " + r.observed())
                        .isTrue());
        assertThat(session.servers().victim().defences().current()).isEqualTo(Defences.HARDENED);
    }
}
