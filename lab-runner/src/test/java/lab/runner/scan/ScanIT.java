package lab.runner.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import lab.runner.LabServers;
import lab.runner.browser.BrowserEngines;
import lab.runner.browser.BrowserLocator;
import lab.runner.browser.BrowserOptions;
import lab.runner.browser.LabBrowser;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;
import lab.victim.journal.RequestTag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code lab scan} against the lab's own victim: each cors mode is reported as exactly its class, confirmed in Chromium, and in Firefox. */
class ScanIT {

    private static LabServers servers;
    private static LabBrowser browser;
    private static String cookie;
    private static URI target;

    /**
     * Wide open, but not frameable: the CORS tests below expect exactly their CORS finding, and a frameable answer
     * adds a header-level framing finding of its own (tested on its own).
     */
    private static final Defences BASE = Defences.WIDE_OPEN.with("framing", "self");

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        servers = LabServers.start(ScenarioCatalogue.load(), Defences.WIDE_OPEN, 0, 0);
        browser = LabBrowser.start(BrowserLocator.locate(Optional.empty()));
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + servers.victim().port() + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=wonderland"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        target = URI.create(servers.victim().origin() + "/api/me");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @ParameterizedTest(name = "cors={0} is reported as {1}, confirmed: {2}")
    @CsvSource({
        "reflect, reflect, true",
        "null, null, true",
        "suffix, suffix, true",
        "prefix, prefix, true",
        "regex, regex, true",
        "subdomains, subdomains, true",
        "wildcard, wildcard, false"
    })
    void each_flawed_mode_is_reported_as_exactly_its_class(String mode, String klass, boolean confirmed)
            throws Exception {
        servers.victim().defences().set(BASE.with("cors", mode));
        List<Finding> findings = Scanner.scan(target, List.of(cookie), browser);
        assertThat(findings).extracting(Finding::klass).containsExactly(klass);
        assertThat(findings.get(0).confirmed()).as(findings.get(0).detail()).isEqualTo(confirmed);
        if (confirmed) {
            assertThat(findings.get(0).severity()).isEqualTo("high");
        }
    }

    @ParameterizedTest(name = "cors={0} is reported clean")
    @CsvSource({"allowlist", "off"})
    void the_exact_allowlist_and_no_cors_report_nothing(String mode) throws Exception {
        servers.victim().defences().set(BASE.with("cors", mode));
        assertThat(Scanner.scan(target, List.of(cookie), browser)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void a_probe_name_outside_localhost_is_still_served_from_loopback_and_confirms() throws Exception {
        servers.victim().defences().set(BASE.with("cors", "reflect"));
        try (BrowserConfirmation confirmation = new BrowserConfirmation(browser)) {
            // Names no resolver knows: had the browser looked them up, the page would never have loaded.
            for (String name : List.of("wwwxlocalhost", "evil127.0.0.1.invalid", "scan-sub.example.invalid")) {
                BrowserConfirmation.Read read = confirmation.read(
                        target, "http://" + name + ":" + confirmation.port(), List.<String[]>of(cookie.split("=", 2)));
                assertThat(read.read()).as(name + ": " + read.error()).isTrue();
                // The victim's own answer (the cookie is a matter for the browser's cookie rules, not the name).
                assertThat(read.body()).startsWith("{").containsAnyOf("alice", "not logged in");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void firefox_confirms_a_reflected_origin_in_firefox_itself() throws Exception {
        assumeTrue(BrowserEngines.installed("firefox"), "Firefox is not installed here");
        servers.victim().defences().set(BASE.with("cors", "reflect"));
        long before = servers.victim().journal().lastSeq();
        try (LabBrowser firefox = LabBrowser.start("firefox", Optional.empty(), BrowserOptions.HEADLESS)) {
            List<Finding> findings = Scanner.scan(target, List.of(cookie), firefox);

            assertThat(findings).extracting(Finding::klass).containsExactly("reflect");
            assertThat(findings.get(0).confirmed()).as(findings.get(0).detail()).isTrue();
            assertThat(findings.get(0).severity()).isEqualTo("high");
            // The confirming read came from Firefox: the victim saw its own User-Agent with this browser's tag.
            List<JournalEntry> reads = servers.victim().journal().since(before).stream()
                    .filter(e -> e.path().equals("/api/me") && RequestTag.carries(e, firefox.requestTag()))
                    .toList();
            assertThat(reads).isNotEmpty();
            assertThat(reads).allSatisfy(e -> assertThat(e.userAgent()).contains("Firefox/"));
            assertThat(firefox.info().name()).isEqualTo("Firefox");
        }
    }

    @org.junit.jupiter.api.Test
    void a_jsonp_endpoint_is_reported_and_confirmed_while_jsonp_is_on_and_not_when_it_is_off() throws Exception {
        URI jsonp = URI.create(servers.victim().origin() + "/api/me.js");
        servers.victim().defences().set(BASE.with("cors=allowlist,jsonp=on"));
        List<Finding> findings = Scanner.scan(jsonp, List.of(cookie), browser);
        assertThat(findings).extracting(Finding::klass).containsExactly("jsonp");
        assertThat(findings.get(0).confirmed()).as(findings.get(0).detail()).isTrue();
        assertThat(findings.get(0).severity()).isEqualTo("high");

        servers.victim().defences().set(BASE.with("cors=allowlist,jsonp=off"));
        assertThat(Scanner.scan(jsonp, List.of(cookie), browser)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void a_socket_that_accepts_any_origin_is_reported_and_confirmed_and_not_once_it_checks() throws Exception {
        URI socket = URI.create(servers.victim().origin() + "/ws/messages");
        servers.victim().defences().set(BASE.with("ws-origin-check=off"));
        List<Finding> findings = Scanner.scan(socket, List.of(cookie), browser);
        assertThat(findings).extracting(Finding::klass).containsExactly("websocket-origin");
        assertThat(findings.get(0).confirmed()).as(findings.get(0).detail()).isTrue();
        assertThat(findings.get(0).severity()).isEqualTo("high");

        servers.victim().defences().set(BASE.with("ws-origin-check=on"));
        assertThat(Scanner.scan(socket, List.of(cookie), browser)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void the_json_api_itself_has_no_jsonp_form_and_no_socket() throws Exception {
        servers.victim().defences().set(BASE.with("cors=allowlist,jsonp=on,ws-origin-check=off"));
        assertThat(Scanner.scan(target, List.of(cookie), browser)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void a_frameable_answer_is_a_header_level_finding_and_framing_self_removes_it() throws Exception {
        servers.victim().defences().set(BASE.with("cors", "allowlist").with("framing", "allow"));
        List<Finding> findings = Scanner.scan(target, List.of(cookie), browser);
        assertThat(findings).extracting(Finding::klass).containsExactly("framing");
        assertThat(findings.get(0).severity()).isEqualTo("info");
        assertThat(findings.get(0).confirmed()).isFalse();

        servers.victim().defences().set(BASE.with("cors", "allowlist"));
        assertThat(Scanner.scan(target, List.of(cookie), browser)).isEmpty();
    }
}
