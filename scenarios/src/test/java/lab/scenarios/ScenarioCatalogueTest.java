package lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScenarioCatalogueTest {

    private static final Set<Outcome> SUCCESS = EnumSet.of(Outcome.STOLEN, Outcome.ACTION_PERFORMED);

    private final ScenarioCatalogue catalogue = ScenarioCatalogue.load();

    @Test
    void the_index_lists_every_scenario_folder_once_and_the_catalogue_holds_seventy_cases_or_more() throws Exception {
        // A folder the index forgets would never run: the index and the folders must agree.
        java.nio.file.Path root = java.nio.file.Path.of("src/main/resources/scenarios");
        try (java.util.stream.Stream<java.nio.file.Path> folders = java.nio.file.Files.list(root)) {
            List<String> ids = folders.filter(java.nio.file.Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .toList();
            assertThat(catalogue.all()).extracting(Scenario::id).containsExactlyInAnyOrderElementsOf(ids);
        }
        assertThat(catalogue.all().stream().mapToInt(s -> s.cases().size()).sum())
                .isGreaterThanOrEqualTo(70);
    }

    @Test
    void every_case_states_its_decisive_evidence() {
        for (Scenario scenario : catalogue.all()) {
            for (ScenarioCase scenarioCase : scenario.cases()) {
                assertThat(scenarioCase.evidence().isEmpty())
                        .as(scenario.caseName(scenarioCase))
                        .isFalse();
            }
        }
    }

    @Test
    void every_attack_that_can_succeed_has_a_case_where_it_does_and_one_where_it_is_stopped() {
        for (Scenario scenario : catalogue.all()) {
            Set<Outcome> expected =
                    scenario.cases().stream().map(ScenarioCase::expected).collect(Collectors.toSet());
            if (!scenario.canSucceed()) {
                assertThat(expected).as(scenario.id()).doesNotContainAnyElementsOf(SUCCESS);
            } else {
                assertThat(expected).as(scenario.id()).containsAnyElementsOf(SUCCESS);
                assertThat(expected.stream().filter(o -> !SUCCESS.contains(o)))
                        .as(scenario.id())
                        .isNotEmpty();
            }
        }
    }

    @Test
    void public_scenarios_expect_only_public_reads() {
        for (Scenario scenario : catalogue.all()) {
            if (scenario.kind() == AttackKind.PUBLIC) {
                assertThat(scenario.cases())
                        .as(scenario.id())
                        .extracting(ScenarioCase::expected)
                        .containsOnly(Outcome.PUBLIC_READ);
            }
        }
    }

    @Test
    void every_scenario_has_a_story_steps_a_page_and_a_lesson() {
        for (Scenario scenario : catalogue.all()) {
            assertThat(scenario.story()).as(scenario.id()).hasSizeGreaterThan(100);
            assertThat(scenario.steps()).as(scenario.id()).hasSizeGreaterThanOrEqualTo(3);
            String[] pagePath = scenario.pagePath().split("/");
            assertThat(catalogue.page(pagePath[0], pagePath[1]))
                    .as(scenario.id())
                    .isPresent();
            assertThat(catalogue.lesson(scenario.id()))
                    .as(scenario.id())
                    .startsWith("# ")
                    .contains("## What closes it")
                    .contains("## What does not close it");
        }
    }

    @Test
    void a_case_is_named_after_its_conditions_and_expected_outcome() {
        Scenario scenario = catalogue.find("cookie-theft").orElseThrow();
        ScenarioCase stolen = scenario.cases().stream()
                .filter(c -> c.expected() == Outcome.STOLEN)
                .findFirst()
                .orElseThrow();
        assertThat(scenario.caseName(stolen))
                .isEqualTo("cookie-theft: cors=reflect, samesite=none, third-party cookies allowed -> STOLEN");
        Scenario flawed = catalogue.find("flawed-allowlist").orElseThrow();
        assertThat(flawed.caseName(flawed.cases().get(0)))
                .startsWith("flawed-allowlist: attacker on evilsocial.localhost, cors=suffix");
    }

    @Test
    void case_names_are_unique_so_each_is_one_test() {
        List<String> names = catalogue.all().stream()
                .flatMap(s -> s.cases().stream().map(s::caseName))
                .toList();
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void the_attack_page_and_the_kit_are_served_from_the_catalogue() {
        assertThat(catalogue.page("cookie-theft", "attack.html"))
                .hasValueSatisfying(bytes ->
                        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("stealProfile"));
        assertThat(catalogue.kitFile("lab-kit.js"))
                .hasValueSatisfying(bytes ->
                        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("exfiltrate"));
        assertThat(catalogue.kitFile("lab-kit.css")).isPresent();
        assertThat(catalogue.kitFile("../index.json")).isEmpty();
    }

    @Test
    void only_plain_page_names_of_known_scenarios_resolve() {
        assertThat(catalogue.page("cookie-theft", "../index.json")).isEmpty();
        assertThat(catalogue.page("cookie-theft", "scenario.json")).isEmpty();
        assertThat(catalogue.page("..", "index.json")).isEmpty();
        assertThat(catalogue.page("no-such-scenario", "attack.html")).isEmpty();
        assertThat(catalogue.page("cookie-theft", "missing.html")).isEmpty();
    }

    @Test
    void third_party_cookie_settings_parse_from_their_keys_only() {
        assertThat(ThirdPartyCookies.parse("allowed")).isEqualTo(ThirdPartyCookies.ALLOWED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ThirdPartyCookies.parse("sometimes"))
                .hasMessageContaining("allowed, blocked");
    }
}
