package lab.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import lab.scenarios.ScenarioCatalogue;
import org.junit.jupiter.api.Test;

/** ./lab explain: a lesson's Markdown as a terminal shows it. */
class TerminalMarkdownTest {

    private static final String LESSON = """
            # Cookie theft

            ## What happens

            Alice opens `http://evil.localhost`; the **spam page** reads [RFC 6265bis](https://example.org/rfc) and
            sends it *on*.

            <!-- BEGIN GENERATED -->
            | conditions | expected |
            |---|---|
            | cors=off | READ_BLOCKED |
            | cors=reflect, samesite=none | STOLEN |
            <!-- END GENERATED -->

            - **`samesite=unset`**: one
              line more
            1. first

            ```js
            fetch('/api/me')
            ```
            """;

    @Test
    void no_raw_markers_are_left_and_tables_are_aligned() {
        String text = new TerminalMarkdown(Terminal.PLAIN, 80).render(LESSON);
        assertThat(text)
                .doesNotContain("**", "`", "<!--", "](", "|---", "## ", "# ")
                .contains(
                        "COOKIE THEFT",
                        "What happens",
                        // Reflowed to the width: the source's line breaks are not the terminal's.
                        "Alice opens http://evil.localhost; the spam page reads RFC 6265bis\n(https://example.org/rfc)"
                                + " and sends it on.",
                        "- samesite=unset: one line more",
                        "1. first",
                        "    fetch('/api/me')");
        assertThat(text)
                .contains(
                        "conditions                  | expected",
                        "----------------------------+-------------",
                        "cors=off                    | READ_BLOCKED",
                        "cors=reflect, samesite=none | STOLEN");
    }

    @Test
    void a_terminal_gets_bold_headings_and_a_pipe_gets_no_escape_codes() {
        assertThat(new TerminalMarkdown(new Terminal(true, true), 80).render(LESSON))
                .contains("\u001b[1mWhat happens\u001b[0m", "the \u001b[1mspam page\u001b[0m reads");
        assertThat(new TerminalMarkdown(Terminal.PLAIN, 80).render(LESSON)).doesNotContain("\u001b", "\u0001");
    }

    @Test
    void every_lesson_fits_the_width_with_no_raw_markers() {
        ScenarioCatalogue catalogue = ScenarioCatalogue.load();
        catalogue.all().forEach(scenario -> {
            String text = new TerminalMarkdown(Terminal.PLAIN, 100).render(catalogue.lesson(scenario.id()));
            assertThat(text).as(scenario.id()).doesNotContain("<!--", "|---", "\n#");
            // Bold markers around words; a code sample's "/**/" is content, not a marker.
            assertThat(text).as(scenario.id()).doesNotContainPattern("\\*\\*[\\w`]");
            assertThat(text.lines().filter(l -> l.length() > 100 && !l.startsWith("    ")))
                    .as(scenario.id() + " lines wider than 100 columns (code blocks aside)")
                    .isEmpty();
        });
    }
}
