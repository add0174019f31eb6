package lab.attacker.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCatalogue;
import org.junit.jupiter.api.Test;

/** Every attack page keeps only its own parts; the shell gives each the same document around them. */
class PageShellTest {

    private static final String CONFIG = "window.LAB = Object.freeze({});";
    private final PageShell shell = new PageShell();

    @Test
    void every_scenario_page_becomes_one_whole_document_with_the_ids_the_runner_reads() {
        ScenarioCatalogue catalogue = ScenarioCatalogue.load();
        for (Scenario scenario : catalogue.all()) {
            String[] path = scenario.pagePath().split("/");
            String page = new String(catalogue.page(path[0], path[1]).orElseThrow(), StandardCharsets.UTF_8);
            String html = shell.render(scenario.id(), page, CONFIG, "/* kit css */", "/* kit js */");
            assertThat(html)
                    .as(scenario.id())
                    .startsWith("<!DOCTYPE html>")
                    .containsOnlyOnce("<!DOCTYPE html>")
                    .containsOnlyOnce("<title>")
                    .containsOnlyOnce("<div class=\"banner\">")
                    .containsOnlyOnce("id=\"lab-evidence\"")
                    .containsOnlyOnce("/* kit css */")
                    .containsOnlyOnce("/* kit js */")
                    .doesNotContain("<meta name=\"banner\"", "<meta name=\"backstage\"");
            // The page's own script runs after the configuration and the kit it calls, and after the backstage box.
            int pageScript = html.lastIndexOf("<script>");
            assertThat(html.indexOf(CONFIG)).as(scenario.id()).isLessThan(html.indexOf("/* kit js */"));
            assertThat(html.indexOf("/* kit js */")).as(scenario.id()).isLessThan(pageScript);
            assertThat(html.indexOf("id=\"lab-evidence\"")).as(scenario.id()).isLessThan(pageScript);
            // The page's own styles go to the head.
            assertThat(html.indexOf("<style id=")).as(scenario.id()).isLessThan(html.indexOf("</head>"));
        }
    }

    @Test
    void the_shell_writes_the_pages_title_banner_and_backstage_text_where_they_belong() {
        String html = shell.render("test", """
                <title>Free phone</title>
                <meta name="banner" content="YOU WON!">
                <meta name="backstage" content="Asking...">
                <div class="prize">prize</div>
                <script>lab.finish('read');</script>
                """, CONFIG, "", "");
        assertThat(html)
                .contains("<title>Free phone</title>")
                .contains("<div class=\"banner\">YOU WON!</div>")
                .contains("<pre id=\"lab-evidence\">Asking...</pre>")
                .containsSubsequence("<main>", "<div class=\"prize\">prize</div>", "class=\"backstage\"", "</main>")
                .containsSubsequence("</main>", "lab.finish('read');", "</body>");
    }

    @Test
    void a_page_without_its_banner_is_refused_naming_the_page_and_the_part() {
        assertThatThrownBy(() -> shell.render(
                        "broken/attack.html",
                        "<title>t</title><meta name=\"backstage\" content=\"b\"><script></script>",
                        CONFIG,
                        "",
                        ""))
                .hasMessageContaining("broken/attack.html")
                .hasMessageContaining("<meta name=\"banner\"");
    }
}
