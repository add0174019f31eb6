package lab.victim.defence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DefencesTest {

    @Test
    void a_spec_changes_only_the_defences_it_names() {
        Defences changed = Defences.WIDE_OPEN.with("samesite=strict");
        assertThat(changed.cors()).isEqualTo(CorsMode.REFLECT);
        assertThat(changed.samesite()).isEqualTo(SameSiteMode.STRICT);
    }

    @Test
    void a_spec_may_set_several_defences_and_tolerates_spaces() {
        assertThat(Defences.WIDE_OPEN.with(" cors=allowlist , samesite=lax "))
                .isEqualTo(new Defences(CorsMode.ALLOWLIST, SameSiteMode.LAX));
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
                .hasMessageContaining("cors, samesite");
    }

    @Test
    void an_unknown_value_is_named_with_the_valid_ones() {
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("cors=everything"))
                .hasMessageContaining("'everything'")
                .hasMessageContaining("off, wildcard, reflect, allowlist");
    }

    @Test
    void a_malformed_pair_is_quoted() {
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("cors")).hasMessageContaining("'cors'");
        assertThatThrownBy(() -> Defences.WIDE_OPEN.with("cors=")).hasMessageContaining("'cors='");
    }

    @Test
    void a_failed_update_leaves_the_settings_as_they_were() {
        DefenceSettings settings = new DefenceSettings(Defences.WIDE_OPEN);
        assertThatThrownBy(() -> settings.update(d -> d.with("cors=nope"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.current()).isEqualTo(Defences.WIDE_OPEN);
    }
}
