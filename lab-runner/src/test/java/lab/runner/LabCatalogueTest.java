package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lab.scenarios.ScenarioCatalogue;
import org.junit.jupiter.api.Test;

/** The real catalogue, checked against the victim's real defence registry: a typo in any scenario.json fails the build. */
class LabCatalogueTest {

    @Test
    void every_defence_name_and_value_of_the_real_catalogue_is_one_the_victim_knows() {
        ScenarioCatalogue catalogue = LabCatalogue.load();
        assertThat(catalogue.all()).isNotEmpty();
        assertThat(catalogue.all().stream().flatMap(s -> s.cases().stream()))
                .allSatisfy(c -> assertThat(c.evidence().isEmpty()).isFalse());
    }

    @Test
    void the_adapter_passes_on_the_registry_s_own_words() {
        assertThatThrownBy(() -> LabCatalogue.VICTIM_DEFENCES.validate("cors", "reflekt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reflekt")
                .hasMessageContaining("reflect");
        assertThatThrownBy(() -> LabCatalogue.VICTIM_DEFENCES.validate("cors-mode", "reflect"))
                .hasMessageContaining("cors-mode");
        assertThat(LabCatalogue.VICTIM_DEFENCES.knows("fetch-metadata")).isTrue();
        assertThat(LabCatalogue.VICTIM_DEFENCES.knows("fetch-metadta")).isFalse();
    }
}
