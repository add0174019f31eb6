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
                        + " aliceAnswers, alicePostsNext, attackerHost, canSucceed, cases, id, kind, matrix,"
                        + " notApplicable, page, steps, story, target, title");
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
    void an_engine_that_cannot_express_a_case_is_not_applicable_with_its_reason_and_no_expectation() {
        Scenario x = load("not-applicable-valid").find("x").orElseThrow();
        ScenarioCase first = x.cases().get(0);
        ScenarioCase second = x.cases().get(1);
        ScenarioCase third = x.cases().get(2);

        // "expected": "STOLEN" beside notApplicable: the one outcome holds for the engines the case applies to.
        assertThat(first.notApplicableIn("firefox")).isEqualTo("a Chromium-only permission grant");
        assertThat(first.expected("chromium")).isEqualTo(Outcome.STOLEN);
        assertThat(first.expected("firefox")).isNull();
        assertThat(second.expected("chromium")).isEqualTo(Outcome.READ_BLOCKED);
        assertThat(second.notApplicableIn("chromium")).isNull();
        assertThat(third.notApplicableIn("firefox")).isNull();
        assertThat(third.expected("firefox")).isEqualTo(Outcome.COOKIE_WITHHELD);
        // A case the lesson does not list (the matrix's) takes the reason of the listed case with its conditions.
        ScenarioCase probe = ScenarioCase.probe(first.defences(), first.thirdPartyCookies());
        assertThat(x.notApplicableIn(probe, "firefox")).isEqualTo("a Chromium-only permission grant");
        assertThat(x.notApplicableIn(probe, "chromium")).isNull();
        assertThat(LessonTable.expected(first))
                .isEqualTo("STOLEN; not applicable in Firefox (a Chromium-only permission grant)");
    }

    @Test
    void a_scenario_wide_not_applicable_reaches_every_case_and_the_matrix() {
        Scenario x = load("not-applicable-scenario").find("x").orElseThrow();
        String why = "Local Network Access is a Chromium permission";
        assertThat(x.cases())
                .allSatisfy(c -> assertThat(c.notApplicableIn("firefox")).isEqualTo(why));
        assertThat(x.notApplicableIn(
                        ScenarioCase.probe(java.util.Map.of("cors", "off"), ThirdPartyCookies.BLOCKED), "firefox"))
                .isEqualTo(why);
    }

    @Test
    void not_applicable_data_is_checked() {
        failsWith(
                "not-applicable-expected",
                CASE_2,
                ": expected.firefox: the case is not applicable in firefox (notApplicable), so it expects no outcome");
        failsWith("not-applicable-everywhere", CASE_2, ": notApplicable: every engine is marked not applicable");
        failsWith("not-applicable-engine", CASE_2, ": notApplicable: unknown engine 'webkit'");
        failsWith("not-applicable-reason", CASE_2, ": notApplicable.firefox: expected the reason in words");
        failsWith(
                "not-applicable-outcome",
                CASE_2,
                ": expected.firefox: unknown outcome 'NOT_APPLICABLE'",
                "goes in notApplicable, with its reason");
        failsWith(
                "not-applicable-evidence",
                CASE_2,
                ": evidenceIn.firefox: the case is not applicable in firefox, so it has no evidence");
    }

    @Test
    void a_change_of_defences_midway_is_checked_like_the_cases_own_defences() {
        failsWith("then-value", CASE_1, ": then.defences.cors: unknown value 'refelct' for defence 'cors'");
        failsWith("then-step", CASE_1, ": then.after: 'Step One!' is not a step name");
        failsWith("then-empty", CASE_1, ": then.defences: expected the defences to change");
        failsWith("then-property", CASE_1, ": then.when: unknown property; expected one of: after, defences");
    }

    @Test
    void what_alice_posts_next_and_the_account_it_ran_under_are_checked() {
        failsWith("posted-as", CASE_1, ": evidence.postedAs: 'Alice Liddell' is not a user name of Flock");
        failsWith("alice-posts", ": alicePostsNext: expected one line of at most 500 characters");
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
