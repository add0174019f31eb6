package lab.runner.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import lab.runner.browser.FasterClock;
import lab.runner.cli.LabCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./lab doctor} as a user runs it, against the project's Chromium. */
class DoctorCommandIT {

    @Test
    void every_check_of_lab_doctor_passes_in_the_projects_chromium() throws Exception {
        StringWriter out = new StringWriter();
        int status =
                new CommandLine(new LabCommand()).setOut(new PrintWriter(out)).execute("doctor", "--json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("browser").get("name").asText()).contains("Chromium");
        List<String> names = new ArrayList<>();
        for (JsonNode check : json.get("checks")) {
            names.add(check.get("name").asText());
            // The one check that needs libfaketime is not measured on a machine without it (CI installs it).
            String expectedStatus = check.get("name").asText().equals("preflight-cache-cap")
                            && FasterClock.library().isEmpty()
                    ? "SKIPPED"
                    : "PASS";
            assertThat(check.get("status").asText())
                    .as(
                            "%s: expected %s; observed %s",
                            check.get("name").asText(),
                            check.get("expected").asText(),
                            check.get("observed").asText())
                    .isEqualTo(expectedStatus);
        }
        assertThat(names)
                .containsExactly(
                        "localhost-resolution",
                        "secure-cookie-over-http",
                        "lax-by-default",
                        "wildcard-with-credentials",
                        "third-party-cookies-allowed",
                        "third-party-cookies-blocked",
                        "third-party-cookies-default-shell",
                        "third-party-cookies-default-full-browser",
                        "fetch-metadata-trustworthy-only",
                        "ports-same-site",
                        "subdomains-same-site",
                        "other-names-cross-site",
                        "websocket-handshake",
                        "orb-blocks-json-scripts",
                        "local-network-access",
                        "sibling-can-toss-cookies",
                        "host-prefix-resists-sibling",
                        "partitioned-cookie-allowed",
                        "partitioned-cookie-blocked",
                        "preflight-cache",
                        "preflight-cache-cap",
                        "login-csrf-cookie-stored");
        assertThat(status).as("exit status when every check passes").isZero();
    }
}
