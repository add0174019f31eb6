package lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each fixture under {@code src/test/resources/broken/} is a one-scenario catalogue with one mistake; loading it
 * must fail with a message naming the file, the case (number and conditions) and the field.
 */
class BrokenScenarioFilesTest {

    /** A stand-in for the victim's registry: the real one is checked by lab-runner's LabCatalogueTest. */
    private static final DefenceVocabulary DEFENCES = new DefenceVocabulary() {
        private final Map<String, List<String>> values = Map.of(
                "cors", List.of("off", "reflect", "wildcard"),
                "samesite", List.of("none", "lax", "strict", "unset"),
                "fetch-metadata", List.of("on", "off"));

        @Override
        public void validate(String defence, String value) {
            if (!knows(defence)) {
                throw new IllegalArgumentException("unknown defence '" + defence + "'; expected one of: "
                        + String.join(", ", values.keySet().stream().sorted().toList()));
            }
            if (!values.get(defence).contains(value)) {
                throw new IllegalArgumentException("unknown value '" + value + "' for defence '" + defence
                        + "'; expected one of: " + String.join(", ", values.get(defence)));
            }
        }

        @Override
        public boolean knows(String defence) {
            return values.containsKey(defence);
        }
    };

    private static final String CASE_1 = "case 1 (cors=reflect, samesite=none, third-party cookies allowed)";
    private static final String CASE_2 = "case 2 (cors=off, samesite=none, third-party cookies allowed)";

    private static ScenarioCatalogue load(String fixture) {
        return ScenarioCatalogue.load(
                DEFENCES, BrokenScenarioFilesTest.class.getClassLoader(), "broken/" + fixture + "/");
    }

    private static void failsWith(String fixture, String... parts) {
        assertThatThrownBy(() -> load(fixture))
                .as(fixture)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("broken/" + fixture + "/x/scenario.json: ")
                .hasMessageContainingAll(parts);
    }

    @Test
    void the_valid_fixture_loads_so_each_broken_one_fails_for_its_one_mistake() {
        assertThat(load("valid").find("x")).isPresent();
    }

    @Test
    void an_unknown_defence_names_file_case_and_field() {
        failsWith(
                "unknown-defence",
                "case 3 (cors=reflect, samesite=lax, cors-mode=reflect, third-party cookies allowed)",
                ": defences.cors-mode: unknown defence 'cors-mode'; expected one of: cors, fetch-metadata, samesite");
    }

    @Test
    void an_unknown_defence_value_names_file_case_and_field() {
        failsWith(
                "unknown-value",
                "case 3 (cors=reflekt, samesite=lax, third-party cookies allowed)",
                ": defences.cors: unknown value 'reflekt' for defence 'cors'; expected one of: off, reflect, wildcard");
    }

    @Test
    void an_unknown_outcome_names_file_case_and_field() {
        failsWith("unknown-outcome", CASE_2, ": expected: unknown outcome 'STOLE'; expected one of: STOLEN,");
    }

    @Test
    void an_unknown_or_missing_engine_names_file_case_and_field() {
        failsWith("unknown-engine", CASE_2, ": expected: unknown engine 'safari'; expected one of: chromium, firefox");
        failsWith("missing-engine", CASE_2, ": expected: no outcome for engine 'chromium'");
        failsWith("browser-says-engine", CASE_2, ": evidence.browserSays: unknown engine 'webkit'");
    }

    @Test
    void engines_that_are_expected_to_differ_must_say_why() {
        failsWith("missing-why", CASE_2, ": whyEnginesDiffer: missing: the engines' expectations differ");
    }

    @Test
    void an_unknown_third_party_cookie_setting_names_file_case_and_field() {
        failsWith(
                "third-party-cookies",
                "case 1 (cors=reflect, samesite=none, third-party cookies sometimes)",
                ": thirdPartyCookies: unknown third-party cookie setting 'sometimes'");
    }

    @Test
    void unknown_properties_are_errors_not_silently_ignored() {
        failsWith("case-property", CASE_1, ": expect: unknown property; expected one of:");
        failsWith("evidence-property", CASE_2, ": evidence.cookie: unknown property; expected one of:");
        assertThatThrownBy(() -> load("scenario-property"))
                .hasMessage("broken/scenario-property/x/scenario.json: titel: unknown property; expected one of:"
                        + " aliceAnswers, attackerHost, canSucceed, cases, id, kind, matrix, page, steps, story,"
                        + " target, title");
    }

    @Test
    void an_attacker_host_outside_localhost_names_file_case_and_field() {
        failsWith(
                "attacker-host",
                "case 2 (attacker on evil.example.com, cors=off",
                ": attackerHost: 'evil.example.com' is not a host name under localhost");
    }

    @Test
    void evidence_fields_are_checked() {
        failsWith("refused-by", CASE_2, ": evidence.refusedBy: unknown defence 'fetch-metadta'");
        failsWith("evidence-missing", CASE_2, ": evidence: missing: every case states what must be seen");
        failsWith("evidence-loot", CASE_1, ": evidence.loot: unknown value 'everything'");
    }

    @Test
    void a_missing_page_or_unknown_matrix_defence_names_the_field() {
        failsWith("page", ": page: attack page 'missing.html' is missing");
        failsWith("matrix", ": matrix: unknown defence 'samesight'");
    }

    @Test
    void a_permission_no_engine_grants_names_file_case_and_field() {
        failsWith("permission", CASE_1, ": permissions: unknown browser permission 'camera'", "local-network-access");
    }

    @Test
    void cookie_names_and_the_message_flag_are_checked() {
        failsWith("evidence-cookies", CASE_1, ": evidence.cookies: 'bad name;' is not a cookie name");
        failsWith("evidence-message", CASE_1, ": evidence.messageReceived: expected true or false");
    }
}
