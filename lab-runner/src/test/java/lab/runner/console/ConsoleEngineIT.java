package lab.runner.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import lab.runner.LabServers;
import lab.runner.LabSession;
import lab.runner.LabTestSession;
import lab.runner.browser.BrowserEngines;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's engine choice: it offers the engines installed here, a run in Firefox really runs in Firefox (the
 * victim's journal shows Firefox's own User-Agent), and an engine the lab does not know is a 400 that runs nothing.
 */
class ConsoleEngineIT {

    private static LabSession session;
    private static ConsoleServer console;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startLab() {
        session = LabTestSession.start(ScenarioCatalogue.load());
        // Chromium is the console's default, as ./lab serve's; Firefox is offered beside it when installed.
        console = new ConsoleServer(session.servers(), ScenarioCatalogue.load(), "chromium", Optional.empty())
                .start(LabServers.LOOPBACK, 0);
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
    void the_engines_endpoint_names_each_engine_its_version_and_whether_it_is_installed() throws Exception {
        JsonNode engines =
                new ObjectMapper().readTree(send("GET", "/api/engines", null).body());

        assertThat(engines.findValuesAsText("key")).containsExactlyElementsOf(BrowserEngines.keys());
        for (JsonNode engine : engines) {
            String key = engine.get("key").asText();
            assertThat(engine.get("installed").asBoolean()).as(key).isEqualTo(BrowserEngines.installed(key));
            assertThat(engine.get("isDefault").asBoolean()).as(key).isEqualTo(key.equals("chromium"));
            if (key.equals("firefox") && engine.get("installed").asBoolean()) {
                // As Firefox states it of itself: 153.8.0esr.
                assertThat(engine.get("version").asText()).matches("\\d+\\.\\d+.*");
            }
        }
    }

    @Test
    void a_run_started_in_the_console_with_firefox_chosen_runs_in_firefox() {
        assumeTrue(BrowserEngines.installed("firefox"), "Firefox is not installed here");
        session.servers().victim().defences().set(Defences.WIDE_OPEN);
        Page consolePage = session.browser().newPage(ThirdPartyCookies.ALLOWED);
        try {
            consolePage.navigate(console.origin());
            consolePage.waitForSelector("body[data-ready]");
            assertThat(consolePage.locator("#engine option").allTextContents())
                    .anySatisfy(text -> assertThat(text).startsWith("Chromium"))
                    .anySatisfy(text -> assertThat(text).startsWith("Firefox "));
            consolePage.selectOption("#scenario", "cookie-theft");
            consolePage.selectOption("#engine", "firefox");
            long before = session.servers().victim().journal().lastSeq();

            consolePage.click("#run");
            consolePage.waitForSelector("#run-outcome", new Page.WaitForSelectorOptions().setTimeout(90_000));

            // The browser that made the run's requests, by the victim's own record: Firefox, tagged as the lab's.
            List<JournalEntry> theft = session.servers().victim().journal().since(before).stream()
                    .filter(e -> e.path().equals("/api/me"))
                    .toList();
            assertThat(theft).isNotEmpty();
            assertThat(theft).allSatisfy(e -> assertThat(e.userAgent()).contains("Firefox/", "SameOriginLab/"));
            assertThat(consolePage.textContent("#run-browser")).startsWith("Ran in Firefox ");
            // With wide-open defences and third-party cookies allowed, Firefox sends the SameSite=None cookie too.
            assertThat(consolePage.textContent("#run-outcome")).isEqualTo("STOLEN");
        } finally {
            consolePage.close();
        }
    }

    @Test
    void an_unknown_engine_is_a_clear_400_and_runs_nothing() throws Exception {
        long before = session.servers().victim().journal().lastSeq();
        HttpResponse<String> answer = send(
                "POST",
                "/api/scenarios/cookie-theft/run",
                "{\"thirdPartyCookies\":\"allowed\",\"engine\":\"netscape\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("unknown engine 'netscape'", "chromium, firefox");
        assertThat(session.servers().victim().journal().since(before)).isEmpty();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
