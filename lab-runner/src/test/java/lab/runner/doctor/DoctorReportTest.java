package lab.runner.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import lab.runner.browser.BrowserInfo;
import org.junit.jupiter.api.Test;

class DoctorReportTest {

    private static final BrowserInfo CHROMIUM = new BrowserInfo("Chromium", "156.0.8078.108", "/usr/bin/chromium");
    private static final CheckResult LAX = CheckResult.of(
            "lax-by-default",
            true,
            "a cookie without SameSite: not sent on a cross-site fetch",
            "fetch: GET /api/me without the session cookie");
    private static final CheckResult THIRD_PARTY = CheckResult.of(
            "third-party-cookies-allowed",
            false,
            "third-party cookies allowed: a SameSite=None cookie is sent",
            "GET /api/me without the session cookie");

    private static String table(Diagnosis diagnosis) {
        StringWriter text = new StringWriter();
        DoctorTable.print(new PrintWriter(text), diagnosis);
        return text.toString();
    }

    @Test
    void the_table_names_the_browser_and_gives_each_check_one_line_with_status_expected_and_observed() {
        String text = table(new Diagnosis(CHROMIUM, List.of(LAX, THIRD_PARTY)));

        assertThat(text).startsWith("Browser:  Chromium 156.0.8078.108 (/usr/bin/chromium)");
        assertThat(text.lines().filter(l -> l.startsWith("lax-by-default")))
                .singleElement()
                .satisfies(line ->
                        assertThat(line).containsSubsequence("lax-by-default", "PASS", LAX.expected(), LAX.observed()));
        assertThat(text.lines().filter(l -> l.startsWith("third-party-cookies-allowed")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .containsSubsequence(
                                "third-party-cookies-allowed", "FAIL", THIRD_PARTY.expected(), THIRD_PARTY.observed()));
    }

    @Test
    void the_columns_line_up_whatever_the_length_of_the_names() {
        List<String> lines = table(new Diagnosis(CHROMIUM, List.of(LAX, THIRD_PARTY)))
                .lines()
                .toList();
        String heading =
                lines.stream().filter(l -> l.startsWith("CHECK")).findFirst().orElseThrow();
        int statusColumn = heading.indexOf("STATUS");
        int observedColumn = heading.indexOf("OBSERVED");

        String lax = lines.stream()
                .filter(l -> l.startsWith("lax-by-default"))
                .findFirst()
                .orElseThrow();
        String thirdParty = lines.stream()
                .filter(l -> l.startsWith("third-party"))
                .findFirst()
                .orElseThrow();
        assertThat(lax.substring(statusColumn)).startsWith("PASS");
        assertThat(thirdParty.substring(statusColumn)).startsWith("FAIL");
        assertThat(lax.substring(observedColumn)).isEqualTo(LAX.observed());
        assertThat(thirdParty.substring(observedColumn)).isEqualTo(THIRD_PARTY.observed());
    }

    @Test
    void the_table_counts_the_failures_and_says_what_a_failure_means() {
        String text = table(new Diagnosis(CHROMIUM, List.of(LAX, THIRD_PARTY)));

        assertThat(text).contains("checks: 1 passed, 1 failed");
        assertThat(text).contains("does not behave as the lessons assume");
    }

    @Test
    void a_table_without_failures_gives_only_the_count() {
        String text = table(new Diagnosis(CHROMIUM, List.of(LAX)));

        assertThat(text).contains("checks: 1 passed, 0 failed");
        assertThat(text).doesNotContain("does not behave");
    }

    @Test
    void the_json_holds_the_browser_and_each_check_with_exactly_the_documented_fields() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new Diagnosis(CHROMIUM, List.of(LAX, THIRD_PARTY)).toJson());

        assertThat(json.properties()).extracting(Map.Entry::getKey).containsExactly("browser", "checks");
        assertThat(json.get("browser").properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("name", "version", "executable");
        assertThat(json.get("browser").get("version").asText()).isEqualTo("156.0.8078.108");
        assertThat(json.get("checks")).hasSize(2);
        JsonNode failed = json.get("checks").get(1);
        assertThat(failed.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("name", "status", "expected", "observed");
        assertThat(failed.get("name").asText()).isEqualTo("third-party-cookies-allowed");
        assertThat(failed.get("status").asText()).isEqualTo("FAIL");
        assertThat(failed.get("observed").asText()).isEqualTo(THIRD_PARTY.observed());
        assertThat(json.get("checks").get(0).get("status").asText()).isEqualTo("PASS");
    }

    @Test
    void a_diagnosis_passes_only_when_every_check_passed() {
        assertThat(new Diagnosis(CHROMIUM, List.of(LAX)).allPassed()).isTrue();
        assertThat(new Diagnosis(CHROMIUM, List.of(LAX, THIRD_PARTY)).allPassed())
                .isFalse();
    }

    @Test
    void a_check_skipped_for_a_missing_tool_is_shown_and_counted_apart_and_fails_nothing() {
        CheckResult skipped = CheckResult.skipped(
                "preflight-cache-cap", "Chromium caps Max-Age at 7200 s", "not measured: libfaketime is not installed");
        Diagnosis diagnosis = new Diagnosis(CHROMIUM, List.of(LAX, skipped));

        String text = table(diagnosis);
        assertThat(text.lines().filter(l -> l.startsWith("preflight-cache-cap")))
                .singleElement()
                .satisfies(line -> assertThat(line).containsSubsequence("SKIPPED", "libfaketime is not installed"));
        assertThat(text).contains("checks: 1 passed, 0 failed, 1 skipped").doesNotContain("A FAIL means");
        assertThat(diagnosis.allPassed()).isTrue();
        assertThat(new Diagnosis(CHROMIUM, List.of(skipped, THIRD_PARTY)).allPassed())
                .isFalse();
    }
}
