package lab.victim.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A data directory can never add a setting to the database URL (an INIT script runs as the user). */
class DataDirectoryTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "data;INIT=RUNSCRIPT FROM 'evil.sql'--",
                "data;",
                "a=b",
                "quote'd",
                "tab\there",
                "new\nline",
                "semi;colon/data"
            })
    void a_path_that_could_change_the_url_is_refused_naming_the_character(String path) {
        assertThatThrownBy(() -> DataDirectory.of(Path.of(path)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not allowed in a data directory")
                .hasMessageNotContaining("\n");
    }

    @Test
    void an_empty_path_is_refused() {
        assertThatThrownBy(() -> DataDirectory.of(Path.of(""))).hasMessageContaining("needs a directory path");
    }

    @Test
    void a_plain_path_gives_a_url_with_exactly_the_labs_one_setting() {
        DataDirectory directory = DataDirectory.of(Path.of("/tmp/my lab-data_1/v2.0"));
        String url = directory.h2Url("victim");
        assertThat(url).isEqualTo("jdbc:h2:file:/tmp/my lab-data_1/v2.0/victim;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(url.chars().filter(c -> c == ';').count()).isEqualTo(1);
        assertThat(url.chars().filter(c -> c == '=').count()).isEqualTo(1);
    }

    @Test
    void a_relative_path_is_made_absolute_and_normal() {
        assertThat(DataDirectory.of(Path.of("lab-data/../lab-data")).path())
                .isEqualTo(Path.of("lab-data").toAbsolutePath());
    }
}
