package lab.victim.defence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The registry is the one place a defence is declared: everything the lab needs to know about a defence
 * comes from its declaration, and nothing else lists defences.
 */
class DefenceRegistryTest {

    private static List<String> keys(Class<?> hook) {
        return Arrays.stream(Defence.values())
                .filter(defence -> hook.isInstance(defence.enforcement()))
                .map(Defence::key)
                .toList();
    }

    @Test
    void every_declaration_in_the_registry_is_a_defence_and_every_defence_is_declared_there() throws Exception {
        List<Defence<?>> declared = new ArrayList<>();
        for (Field field : DefenceRegistry.class.getDeclaredFields()) {
            if (field.getType() == Defence.class && Modifier.isPublic(field.getModifiers())) {
                declared.add((Defence<?>) field.get(null));
            }
        }
        assertThat(Defence.values()).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(Arrays.stream(Defence.values()).map(Defence::key))
                .doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).matches("[a-z]+(-[a-z]+)*"));
    }

    @Test
    void every_defence_has_a_summary_a_described_value_list_a_default_and_an_enforcement_hook() {
        for (Defence<?> defence : Defence.values()) {
            assertThat(defence.summary()).as(defence.key()).isNotBlank().endsWith(".");
            assertThat(defence.choices())
                    .as(defence.key())
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(choice -> assertThat(choice.meaning()).isNotBlank())
                    .extracting(Choice::value)
                    .doesNotHaveDuplicates();
            assertThat(defence.defaultValue()).as(defence.key()).isNotNull();
            assertThat(defence.enforcement()).as(defence.key()).isNotNull();
        }
    }

    @Test
    void every_defence_has_a_valid_value_in_every_preset_and_presets_are_built_from_them() {
        for (Preset preset : Preset.values()) {
            Defences defences = preset.defences();
            assertThat(defences.asMap().keySet())
                    .containsExactlyElementsOf(
                            Arrays.stream(Defence.values()).map(Defence::key).toList());
            for (Defence<?> defence : Defence.values()) {
                assertThat(defence.valueIn(preset))
                        .as(defence.key() + " in " + preset.key())
                        .isNotNull();
                assertThat(defences.get(defence)).isEqualTo(defence.valueIn(preset));
                assertThat(Defences.BROWSER_DEFAULTS
                                .with(defence.key(), defences.asMap().get(defence.key()))
                                .get(defence))
                        .as("%s in %s, printed and parsed back", defence.key(), preset.key())
                        .isEqualTo(defence.valueIn(preset));
            }
        }
        assertThat(Defences.WIDE_OPEN).isEqualTo(Preset.WIDE_OPEN.defences());
        assertThat(Defences.HARDENED).isEqualTo(Preset.HARDENED.defences());
    }

    @Test
    void browser_defaults_is_every_defence_at_its_default() {
        for (Defence<?> defence : Defence.values()) {
            assertThat(Defences.BROWSER_DEFAULTS.get(defence)).as(defence.key()).isEqualTo(defence.defaultValue());
        }
    }

    @Test
    void the_enforcement_points_meet_the_defences_in_registry_order() {
        // Which site is it for, who started it, and only then: is this state change wanted?
        assertThat(keys(RequestGuard.class))
                .containsSubsequence("host-check", "fetch-metadata", "origin-check", "csrf-token");
        // cors-credentials and cors-max-age add headers only where cors allowed an origin.
        assertThat(keys(CorsContribution.class)).containsSubsequence("cors", "cors-credentials", "cors-max-age");
        assertThat(keys(SessionCookieContribution.class)).contains("samesite");
    }

    @Test
    void a_declaration_without_a_value_for_every_preset_fails_naming_the_defence() {
        var declaration = new Defence.Builder<>("throw-away", Flag.onOff("refuses", "serves"), defence -> {})
                .summary("A defence for this test only.")
                .byDefault(false)
                .wideOpen(false);
        assertThatThrownBy(() -> declaration.guard((on, request) -> RequestGuard.PASS))
                .hasMessageContaining("'throw-away'")
                .hasMessageContaining("hardened");
    }

    @Test
    void a_declaration_with_a_value_out_of_range_fails_naming_the_defence_and_the_range() {
        var declaration = new Defence.Builder<>(
                        "throw-away", Seconds.upTo(60, "never cached", "cached for N seconds"), defence -> {})
                .summary("A defence for this test only.")
                .byDefault(0)
                .wideOpen(0)
                .hardened(61);
        assertThatThrownBy(() -> declaration.corsHeaders((seconds, headers) -> {}))
                .hasMessageContaining("'throw-away'")
                .hasMessageContaining("0 to 60");
    }
}
