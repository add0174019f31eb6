package lab.victim.defence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
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
        assertThat(all)
                .isEqualTo(new Defences(CorsMode.ALLOWLIST, false, 30, SameSiteMode.LAX, true, true, true, true));
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
        for (Defence defence : Defence.values()) {
            assertThat(defence.choices())
                    .as(defence.key())
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(choice -> assertThat(choice.meaning()).isNotBlank());
            assertThat(defence.summary()).isNotBlank();
        }
        assertThat(Defence.CORS.choices())
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
    void a_malformed_pair_is_quoted() {
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("cors")).hasMessageContaining("'cors'");
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("cors=")).hasMessageContaining("'cors='");
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("=on")).hasMessageContaining("'=on'");
    }

    @Test
    void presets_are_what_their_names_promise() {
        assertThat(Preset.byKey("wide-open").defences().cors()).isEqualTo(CorsMode.REFLECT);
        assertThat(Preset.byKey("browser-defaults").defences())
                .isEqualTo(new Defences(CorsMode.OFF, true, 0, SameSiteMode.UNSET, false, false, false, false));
        assertThat(Preset.byKey("hardened").defences())
                .isEqualTo(new Defences(CorsMode.ALLOWLIST, true, 0, SameSiteMode.STRICT, true, true, true, true));
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
