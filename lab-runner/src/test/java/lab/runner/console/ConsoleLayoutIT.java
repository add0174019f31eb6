package lab.runner.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lab.runner.LabServers;
import lab.runner.LabSession;
import lab.runner.LabTestSession;
import lab.runner.screens.Screenshots;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console for a room, in the real browser at a projector's 1280x720 and a laptop's 1024x768: no sideways
 * scrolling, and the evidence columns on screen, in normal and presenter mode. The pictures of the guide are
 * taken on the way ({@code target/screenshots}), as {@code ./lab screenshots DIR} takes them.
 */
class ConsoleLayoutIT {

    private static final List<String> EVIDENCE =
            List.of("Session cookie?", "CORS headers returned", "Refused by", "Status");

    /** For each evidence heading: where it sits on screen, and whether the page scrolls sideways. */
    private static final String MEASURE = """
            evidence => {
              const headings = [...document.querySelectorAll('#journal thead th')];
              const rects = Object.fromEntries(evidence.map(name => {
                const th = headings.find(h => h.textContent.trim() === name);
                if (!th) return [name, null];
                const r = th.getBoundingClientRect();
                return [name, { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width }];
              }));
              return { rects, innerWidth: window.innerWidth, innerHeight: window.innerHeight,
                       scrollWidth: document.documentElement.scrollWidth,
                       clientWidth: document.documentElement.clientWidth };
            }
            """;

    private static LabSession session;
    private static ConsoleServer console;

    @BeforeAll
    static void startLab() {
        session = LabTestSession.start(ScenarioCatalogue.load());
        console = new ConsoleServer(session.servers()).start(LabServers.LOOPBACK, 0);
    }

    @AfterAll
    static void stopLab() {
        if (console != null) {
            console.close();
        }
        if (session != null) {
            session.close();
        }
    }

    @Test
    void at_1280x720_and_1024x768_the_console_does_not_scroll_sideways_and_shows_the_evidence_columns()
            throws Exception {
        // The guide's pictures first: they also fill the journal with a theft, two changes and a refusal.
        Path shots = Path.of("target", "screenshots");
        List<Path> written = new Screenshots(session, console).takeInto(shots);
        assertThat(written).allSatisfy(file -> assertThat(Files.size(file)).isPositive());

        Page tab = session.browser().newPage(ThirdPartyCookies.ALLOWED);
        try {
            tab.navigate(console.origin() + "/");
            tab.waitForSelector("body[data-ready]");
            tab.waitForSelector("#journal tbody tr.entry:has-text('fetch-metadata')");
            tab.waitForSelector("#journal tbody tr.marker");
            for (boolean presenter : new boolean[] {false, true}) {
                if (presenter) {
                    tab.click("#presenter-toggle");
                    assertThat(tab.getAttribute("html", "class")).contains("presenter");
                }
                for (int[] size : Screenshots.SIZES) {
                    tab.setViewportSize(size[0], size[1]);
                    assertFits(tab, size, presenter);
                    // A request's details open in place, without widening the page.
                    tab.click("#journal tbody tr.entry");
                    assertThat(tab.textContent("#journal tbody tr.details")).contains("Referer", "User-Agent");
                    assertFits(tab, size, presenter);
                    tab.click("#journal tbody tr.entry");
                }
            }
            // Presenter mode is remembered in this browser.
            tab.reload();
            tab.waitForSelector("body[data-ready]");
            assertThat(tab.getAttribute("html", "class")).contains("presenter");
            tab.click("#presenter-toggle");
        } finally {
            tab.close();
            session.servers().victim().defences().set(Defences.WIDE_OPEN);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertFits(Page tab, int[] size, boolean presenter) {
        String where = size[0] + "x" + size[1] + (presenter ? " presenter" : "");
        Map<String, Object> m = (Map<String, Object>) tab.evaluate(MEASURE, EVIDENCE);
        assertThat(((Number) m.get("scrollWidth")).intValue())
                .as(where + ": no sideways scroll")
                .isLessThanOrEqualTo(((Number) m.get("clientWidth")).intValue());
        Map<String, Object> rects = (Map<String, Object>) m.get("rects");
        int width = ((Number) m.get("innerWidth")).intValue();
        for (String heading : EVIDENCE) {
            Map<String, Number> r = (Map<String, Number>) rects.get(heading);
            assertThat(r).as(where + ": column " + heading).isNotNull();
            assertThat(r.get("left").doubleValue())
                    .as(where + ": " + heading + " left")
                    .isGreaterThanOrEqualTo(0);
            assertThat(r.get("right").doubleValue())
                    .as(where + ": " + heading + " right")
                    .isLessThanOrEqualTo(width);
            assertThat(r.get("width").doubleValue())
                    .as(where + ": " + heading + " wide enough to read")
                    .isGreaterThan(40);
            // On the first screen, without scrolling down.
            assertThat(r.get("bottom").doubleValue())
                    .as(where + ": " + heading + " on screen")
                    .isLessThanOrEqualTo(size[1]);
        }
    }

    @Test
    void the_attack_page_s_backstage_colours_a_theft_red_and_a_blocked_read_green() {
        Page tab = session.browser().newPage(ThirdPartyCookies.ALLOWED);
        try {
            session.servers().victim().defences().set(Defences.WIDE_OPEN);
            tab.navigate(session.servers().victim().origin() + "/login");
            tab.fill("#username", "alice");
            tab.fill("#password", "wonderland");
            tab.click("button[type=submit]");
            tab.waitForSelector("#private-profile");

            tab.navigate(session.servers().attacker().origin() + "/");
            tab.waitForSelector("body[data-lab-result]");
            assertThat(tab.getAttribute("body", "data-lab-result")).isEqualTo("read");
            assertThat(tab.getAttribute("#lab-verdict", "data-meaning")).isEqualTo("attack-worked");
            assertThat(backgroundOf(tab)).isEqualTo("rgb(185, 28, 28)");

            session.servers().victim().defences().set(Defences.WIDE_OPEN.with("cors=allowlist"));
            tab.navigate(session.servers().attacker().origin() + "/");
            tab.waitForSelector("body[data-lab-result]");
            assertThat(tab.getAttribute("body", "data-lab-result")).isEqualTo("failed");
            assertThat(tab.getAttribute("#lab-verdict", "data-meaning")).isEqualTo("blocked");
            assertThat(backgroundOf(tab)).isEqualTo("rgb(4, 120, 87)");
        } finally {
            tab.close();
            session.servers().victim().defences().set(Defences.WIDE_OPEN);
        }
    }

    private static String backgroundOf(Page tab) {
        return (String) tab.evaluate("() => getComputedStyle(document.getElementById('lab-verdict')).backgroundColor");
    }
}
