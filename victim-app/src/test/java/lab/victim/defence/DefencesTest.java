package lab.victim.defence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefencesTest {

    @Test
    void a_spec_changes_only_the_defences_it_names() {
        Defences changed = Defences.WIDE_OPEN.with("samesite=strict");
        assertThat(changed.cors()).isEqualTo(CorsMode.REFLECT);
        assertThat(changed.samesite()).isEqualTo(SameSiteMode.STRICT);
    }

    @Test
    void a_spec_may_set_every_defence_and_tolerates_spaces() {
        Defences all = Defences.BROWSER_DEFAULTS.with(" cors=allowlist , cors-credentials=false, cors-max-age=30,"
                + "samesite=lax, host-check=on, csrf-token=on, origin-check=on, fetch-metadata=on ");
        assertThat(all.asMap())
                .containsAllEntriesOf(Map.of(
                        "cors", "allowlist",
                        "cors-credentials", "false",
                        "cors-max-age", "30",
                        "samesite", "lax",
                        "host-check", "on",
                        "fetch-metadata", "on",
                        "origin-check", "on",
                        "csrf-token", "on"));
        assertThat(all.get(DefenceRegistry.CORS_MAX_AGE)).isEqualTo(30);
        assertThat(all.get(DefenceRegistry.CORS_CREDENTIALS)).isFalse();
    }

    @Test
    void printing_and_parsing_give_back_the_same_defences() {
        for (Preset preset : Preset.values()) {
            assertThat(Defences.BROWSER_DEFAULTS.with(preset.defences().toString()))
                    .isEqualTo(preset.defences());
        }
    }

    @Test
    void every_defence_lists_its_values_each_with_a_meaning() {
        for (Defence<?> defence : Defence.values()) {
            assertThat(defence.choices())
                    .as(defence.key())
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(choice -> assertThat(choice.meaning()).isNotBlank());
            assertThat(defence.summary()).isNotBlank();
        }
        assertThat(DefenceRegistry.CORS.choices())
                .extracting(Choice::value)
                .containsExactly(
                        "off", "wildcard", "reflect", "allowlist", "null", "suffix", "prefix", "regex", "subdomains");
    }

    @Test
    void an_empty_spec_changes_nothing() {
        assertThat(Defences.WIDE_OPEN.with("")).isEqualTo(Defences.WIDE_OPEN);
    }

    @Test
    void an_unknown_defence_is_named_with_the_known_ones() {
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("firewall=on"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'firewall'")
                .hasMessageContaining(String.join(
                        ", ", Arrays.stream(Defence.values()).map(Defence::key).toList()));
    }

    @Test
    void an_unknown_value_is_named_with_the_valid_ones() {
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("cors=everything"))
                .hasMessageContaining("'everything'")
                .hasMessageContaining("off, wildcard, reflect, allowlist");
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("host-check=yes")).hasMessageContaining("on, off");
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("cors-credentials=on")).hasMessageContaining("true, false");
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("cors-max-age=86401")).hasMessageContaining("0 to 86400");
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("cors-max-age=-1")).hasMessageContaining("0 to 86400");
    }

    @Test
    void a_typed_change_is_checked_like_a_typed_one() {
        assertThat(Defences.WIDE_OPEN.with(DefenceRegistry.CORS, CorsMode.ALLOWLIST))
                .isEqualTo(Defences.WIDE_OPEN.with("cors=allowlist"))
                .hasSameHashCodeAs(Defences.WIDE_OPEN.with("cors=allowlist"));
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with(DefenceRegistry.CORS_MAX_AGE, 86_401))
                .hasMessageContaining("'cors-max-age'")
                .hasMessageContaining("0 to 86400");
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with(DefenceRegistry.HOST_CHECK, null))
                .hasMessageContaining("'host-check'");
    }

    @Test
    void a_malformed_pair_is_quoted() {
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("cors")).hasMessageContaining("'cors'");
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("cors=")).hasMessageContaining("'cors='");
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("=on")).hasMessageContaining("'=on'");
    }

    @Test
    void presets_are_what_their_names_promise() {
        assertThat(Preset.byKey("wide-open").defences().cors()).isEqualTo(CorsMode.REFLECT);
        assertThat(Preset.byKey("wide-open").defences().asMap())
                .containsAllEntriesOf(Map.of(
                        "cors", "reflect",
                        "cors-credentials", "true",
                        "cors-max-age", "0",
                        "samesite", "none",
                        "host-check", "off",
                        "fetch-metadata", "off",
                        "origin-check", "off",
                        "csrf-token", "off"));
        assertThat(Preset.byKey("browser-defaults").defences().asMap())
                .containsAllEntriesOf(Map.of(
                        "cors", "off",
                        "cors-credentials", "true",
                        "cors-max-age", "0",
                        "samesite", "unset",
                        "host-check", "off",
                        "fetch-metadata", "off",
                        "origin-check", "off",
                        "csrf-token", "off"));
        assertThat(Preset.byKey("hardened").defences().asMap())
                .containsAllEntriesOf(Map.of(
                        "cors", "allowlist",
                        "cors-credentials", "true",
                        "cors-max-age", "0",
                        "samesite", "strict",
                        "host-check", "on",
                        "fetch-metadata", "on",
                        "origin-check", "on",
                        "csrf-token", "on"));
        assertThatThrownBy(() -> Preset.byKey("paranoid"))
                .hasMessageContaining("wide-open, browser-defaults, hardened");
    }

    @Test
    void a_failed_update_leaves_the_settings_as_they_were() {
        DefenceSettings settings = new DefenceSettings(Defences.WIDE_OPEN);
        assertThatThrownBy(() -> settings.update(d -> d.with("cors=nope")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.current()).isEqualTo(Defences.WIDE_OPEN);
    }
}
