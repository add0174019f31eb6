package lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScenarioCatalogueTest {

    private final ScenarioCatalogue catalogue = ScenarioCatalogue.load();

    @Test
    void the_catalogue_starts_with_the_cookie_theft_story() {
        assertThat(catalogue.all()).first().extracting(Scenario::id).isEqualTo("cookie-theft");
    }

    @Test
    void cookie_theft_has_at_least_one_case_where_the_attack_works_and_one_where_it_is_stopped() {
        Scenario scenario = catalogue.find("cookie-theft").orElseThrow();
        assertThat(scenario.cases()).extracting(ScenarioCase::expected)
                .contains(Outcome.STOLEN)
                .contains(Outcome.READ_BLOCKED, Outcome.COOKIE_WITHHELD);
        assertThat(scenario.cases()).extracting(ScenarioCase::thirdPartyCookies)
                .contains(ThirdPartyCookies.ALLOWED, ThirdPartyCookies.BLOCKED);
    }

    @Test
    void a_case_is_named_after_its_conditions_and_expected_outcome() {
        Scenario scenario = catalogue.find("cookie-theft").orElseThrow();
        ScenarioCase stolen = scenario.cases().stream().filter(c -> c.expected() == Outcome.STOLEN).findFirst().orElseThrow();
        assertThat(scenario.caseName(stolen))
                .isEqualTo("cookie-theft: cors=reflect, samesite=none, third-party cookies allowed -> STOLEN");
    }

    @Test
    void the_attack_page_is_served_from_the_scenario_folder() {
        assertThat(catalogue.page("cookie-theft", "attack.html"))
                .hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("/api/me"));
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
