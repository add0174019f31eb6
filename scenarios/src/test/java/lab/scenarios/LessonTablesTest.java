package lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Each lesson's outcome table is generated from its {@code scenario.json}. This test fails, printing the
 * table to paste, when a lesson's generated section differs; run it with {@code -Dlessons.write=true} to
 * rewrite every section in the source tree instead:
 * {@code mvn -o -pl scenarios test -Dtest=LessonTablesTest -Dlessons.write=true}.
 */
class LessonTablesTest {

    private static final Path SOURCES = Path.of("src/main/resources/scenarios");

    @Test
    void every_lesson_shows_the_outcome_table_its_scenario_json_generates() throws IOException {
        boolean write = Boolean.getBoolean("lessons.write");
        for (Scenario scenario : ScenarioCatalogue.load().all()) {
            Path file = SOURCES.resolve(scenario.id()).resolve("lesson.md");
            String lesson = Files.readString(file, StandardCharsets.UTF_8);
            String expected = LessonTable.replaceSection(lesson, LessonTable.section(scenario));
            if (write) {
                Files.writeString(file, expected, StandardCharsets.UTF_8);
            } else {
                assertThat(lesson)
                        .as(
                                file + " differs from what scenario.json generates; expected this section (or rerun"
                                        + " with -Dlessons.write=true):%n%s",
                                LessonTable.section(scenario))
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void a_per_engine_expectation_shows_each_engine() {
        ScenarioCase scenarioCase = new ScenarioCase(
                java.util.Map.of("samesite", "unset"),
                ThirdPartyCookies.ALLOWED,
                null,
                java.util.Map.of(Engines.CHROMIUM, Outcome.COOKIE_WITHHELD, Engines.FIREFOX, Outcome.STOLEN),
                DecisiveEvidence.NONE,
                "no Lax by default in Firefox",
                java.util.Map.of());
        assertThat(LessonTable.expected(scenarioCase))
                .isEqualTo("chromium: COOKIE_WITHHELD, firefox: STOLEN (no Lax by default in Firefox)");
        assertThat(scenarioCase.expected()).isEqualTo(Outcome.COOKIE_WITHHELD);
        assertThat(scenarioCase.expected(Engines.FIREFOX)).isEqualTo(Outcome.STOLEN);
    }

    @Test
    void readers_get_the_lesson_without_the_generated_section_s_markers() {
        String lesson = ScenarioCatalogue.load().lesson("cookie-theft");
        assertThat(lesson).doesNotContain("GENERATED").contains("| conditions | expected outcome |");
    }
}
