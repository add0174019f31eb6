package lab.runner.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A check whose browser step threw is reported with the driver's own message, not with Playwright's wrapper. */
class BrowserStepFailureTest {

    @Test
    void the_report_quotes_the_message_line_of_playwrights_wrapped_error() {
        String wrapped = """
                Error {
                  message='Timeout 10000ms exceeded.
                =========================== logs ===========================
                waiting for navigation until "load"
                  name='TimeoutError
                  stack='TimeoutError: Timeout 10000ms exceeded.
                }""";

        assertThat(Doctor.errorLine(wrapped)).isEqualTo("Timeout 10000ms exceeded.");
    }

    @Test
    void a_plain_message_is_reported_by_its_first_line() {
        assertThat(Doctor.errorLine("net::ERR_NAME_NOT_RESOLVED at http://x.localhost/\nCall log: ..."))
                .isEqualTo("net::ERR_NAME_NOT_RESOLVED at http://x.localhost/");
        assertThat(Doctor.errorLine(null)).isEqualTo("no details");
    }
}
