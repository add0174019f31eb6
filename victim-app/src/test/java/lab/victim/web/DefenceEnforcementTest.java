package lab.victim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each refusing defence over real HTTP, both ways: a legitimate request passes, a hostile one is refused with
 * the defence named in {@code X-Lab-Defence} and in the journal, and nothing changes; with the defence off
 * the hostile request goes through (so these tests can fail).
 */
class DefenceEnforcementTest extends VictimHttpTest {

    private void set(String spec) {
        victim.defences().set(Defences.WIDE_OPEN.with(spec));
    }

    private String email() {
        return victim.database().profile("alice").orElseThrow().email();
    }

    private JournalEntry lastEntry() {
        var entries = victim.journal().since(0);
        return entries.get(entries.size() - 1);
    }

    private static void assertRefusedBy(HttpResponse<String> response, int status, String defence) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Lab-Defence")).hasValue(defence);
        // A script gets JSON naming the defence; a browser navigation gets a page naming it.
        assertThat(response.body())
                .containsAnyOf("\"defence\":\"" + defence + "\"", "data-defence=\"" + defence + "\"");
    }

    @Test
    void host_check_on_serves_the_sites_own_host_and_refuses_a_rebound_name_with_421() throws Exception {
        set("host-check=on");
        assertThat(client.get("/api/public/posts", "Host", client.siteHost()).statusCode())
                .isEqualTo(200);

        HttpResponse<String> rebound = client.get("/internal/admin", "Host", "evil.localhost:" + victim.port());
        assertRefusedBy(rebound, 421, "host-check");
        assertThat(rebound.body()).doesNotContain("alice@");
        assertThat(lastEntry().refusedBy()).isEqualTo("host-check");
        assertThat(lastEntry().host()).isEqualTo("evil.localhost:" + victim.port());
    }

    @Test
    void host_check_off_serves_any_host_including_the_internal_admin_view() throws Exception {
        set("host-check=off");
        HttpResponse<String> rebound = client.get("/internal/admin", "Host", "evil.localhost:" + victim.port());
        assertThat(rebound.statusCode()).isEqualTo(200);
        assertThat(rebound.body()).contains("alice@wonderland.example", "bob@builder.example");
        assertThat(lastEntry().refusedBy()).isNull();
    }

    @Test
    void fetch_metadata_on_refuses_a_cross_site_fetch_but_keeps_links_and_same_site_calls_working() throws Exception {
        set("fetch-metadata=on");
        String cookie = client.logIn("alice");
        assertRefusedBy(
                client.get(
                        "/api/me",
                        "Cookie",
                        cookie,
                        "Origin",
                        EVIL,
                        "Sec-Fetch-Site",
                        "cross-site",
                        "Sec-Fetch-Mode",
                        "cors",
                        "Sec-Fetch-Dest",
                        "empty"),
                403,
                "fetch-metadata");
        assertThat(lastEntry().refusedBy()).isEqualTo("fetch-metadata");

        assertThat(client.get(
                                "/",
                                "Cookie",
                                cookie,
                                "Sec-Fetch-Site",
                                "cross-site",
                                "Sec-Fetch-Mode",
                                "navigate",
                                "Sec-Fetch-Dest",
                                "document",
                                "Host",
                                client.siteHost())
                        .statusCode())
                .isEqualTo(200);
        assertThat(client.get("/api/me", "Cookie", cookie, "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "cors")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void fetch_metadata_on_refuses_a_cross_site_form_post_and_nothing_changes() throws Exception {
        String cookie = client.logIn("alice");
        String before = email();
        set("fetch-metadata=on");
        assertRefusedBy(
                client.postForm(
                        "/settings/email",
                        Map.of("email", "mallory@evil.example"),
                        "Cookie",
                        cookie,
                        "Origin",
                        EVIL,
                        "Sec-Fetch-Site",
                        "cross-site",
                        "Sec-Fetch-Mode",
                        "navigate",
                        "Sec-Fetch-Dest",
                        "document"),
                403,
                "fetch-metadata");
        assertThat(email()).isEqualTo(before);

        set("fetch-metadata=off");
        assertThat(client.postForm(
                                "/settings/email",
                                Map.of("email", "mallory@evil.example"),
                                "Cookie",
                                cookie,
                                "Origin",
                                EVIL,
                                "Sec-Fetch-Site",
                                "cross-site",
                                "Sec-Fetch-Mode",
                                "navigate")
                        .statusCode())
                .isEqualTo(303);
        assertThat(email()).isEqualTo("mallory@evil.example");
    }

    @Test
    void origin_check_on_accepts_the_sites_own_origin_and_refuses_others_and_none() throws Exception {
        String cookie = client.logIn("alice");
        set("origin-check=on");
        assertThat(client.postForm(
                                "/settings/email",
                                Map.of("email", "alice@new.example"),
                                "Cookie",
                                cookie,
                                "Origin",
                                victim.origin())
                        .statusCode())
                .isEqualTo(303);
        assertThat(email()).isEqualTo("alice@new.example");

        assertRefusedBy(
                client.postForm(
                        "/settings/email", Map.of("email", "mallory@evil.example"), "Cookie", cookie, "Origin", EVIL),
                403,
                "origin-check");
        assertRefusedBy(
                client.postForm("/settings/email", Map.of("email", "mallory@evil.example"), "Cookie", cookie),
                403,
                "origin-check");
        assertThat(email()).isEqualTo("alice@new.example");
    }

    @Test
    void origin_check_off_ignores_the_origin_of_a_state_change() throws Exception {
        String cookie = client.logIn("alice");
        set("origin-check=off");
        assertThat(client.postForm(
                                "/settings/email",
                                Map.of("email", "mallory@evil.example"),
                                "Cookie",
                                cookie,
                                "Origin",
                                EVIL)
                        .statusCode())
                .isEqualTo(303);
        assertThat(email()).isEqualTo("mallory@evil.example");
    }

    @Test
    void csrf_token_on_obeys_forms_and_json_that_carry_the_sessions_token_only() throws Exception {
        String cookie = client.logIn("alice");
        String token = client.csrfToken(cookie);
        set("csrf-token=on");

        assertRefusedBy(
                client.postForm("/settings/email", Map.of("email", "mallory@evil.example"), "Cookie", cookie),
                403,
                "csrf-token");
        assertRefusedBy(
                client.postForm(
                        "/settings/email",
                        Map.of("email", "mallory@evil.example", "_csrf", "0".repeat(32)),
                        "Cookie",
                        cookie),
                403,
                "csrf-token");
        assertRefusedBy(
                client.sendJson("PUT", "/api/settings/email", "{\"email\":\"mallory@evil.example\"}", "Cookie", cookie),
                403,
                "csrf-token");
        assertThat(email()).isEqualTo("alice@wonderland.example");

        assertThat(client.postForm(
                                "/settings/email",
                                Map.of("email", "alice@form.example", "_csrf", token),
                                "Cookie",
                                cookie)
                        .statusCode())
                .isEqualTo(303);
        assertThat(email()).isEqualTo("alice@form.example");
        assertThat(client.sendJson(
                                "PUT",
                                "/api/settings/email",
                                "{\"email\":\"alice@json.example\"}",
                                "Cookie",
                                cookie,
                                "X-CSRF-Token",
                                token)
                        .statusCode())
                .isEqualTo(200);
        assertThat(email()).isEqualTo("alice@json.example");
    }

    @Test
    void with_csrf_token_on_a_logged_in_user_can_still_log_in_again() throws Exception {
        String cookie = client.logIn("alice");
        set("csrf-token=on");
        assertThat(client.postForm("/login", Map.of("username", "bob", "password", "builder"), "Cookie", cookie)
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void another_sessions_token_does_not_pass_the_csrf_check() throws Exception {
        String alice = client.logIn("alice");
        String bobsToken = client.csrfToken(client.logIn("bob"));
        set("csrf-token=on");
        assertRefusedBy(
                client.postForm("/settings/email", Map.of("email", "x@y.example", "_csrf", bobsToken), "Cookie", alice),
                403,
                "csrf-token");
    }

    @Test
    void csrf_token_off_obeys_a_forged_form_post() throws Exception {
        String cookie = client.logIn("alice");
        set("csrf-token=off");
        assertThat(client.postForm("/settings/email", Map.of("email", "mallory@evil.example"), "Cookie", cookie)
                        .statusCode())
                .isEqualTo(303);
        assertThat(email()).isEqualTo("mallory@evil.example");
    }

    @Test
    void a_preflight_from_a_trusted_origin_is_approved_and_from_an_untrusted_one_is_not() throws Exception {
        set("cors=reflect,cors-max-age=0");
        HttpResponse<String> approved = client.send(
                "OPTIONS",
                "/api/settings/email",
                java.net.http.HttpRequest.BodyPublishers.noBody(),
                "Origin",
                EVIL,
                "Access-Control-Request-Method",
                "PUT",
                "Access-Control-Request-Headers",
                "content-type");
        assertThat(approved.statusCode()).isEqualTo(204);
        assertThat(approved.headers().firstValue("Access-Control-Allow-Origin")).hasValue(EVIL);
        assertThat(approved.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(m -> assertThat(m).contains("PUT"));
        assertThat(approved.headers().firstValue("Access-Control-Max-Age")).hasValue("0");
        assertThat(lastEntry().method()).isEqualTo("OPTIONS");
        assertThat(lastEntry().corsHeaders()).containsEntry("Access-Control-Allow-Origin", EVIL);

        set("cors=off");
        HttpResponse<String> refused = client.send(
                "OPTIONS",
                "/api/settings/email",
                java.net.http.HttpRequest.BodyPublishers.noBody(),
                "Origin",
                EVIL,
                "Access-Control-Request-Method",
                "PUT");
        assertThat(refused.statusCode()).isEqualTo(204);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @ParameterizedTest(name = "cors={0} trusts {1} but not the plain attacker")
    @CsvSource({
        "null, null",
        "suffix, http://evilsocial.localhost:7002",
        "prefix, http://social.localhost.evil.localhost:7002",
        "regex, http://wwwxsocial.localhost:7002",
        "subdomains, http://pages.social.localhost:7002"
    })
    void each_flawed_cors_mode_hands_alices_data_to_its_probe_origin_and_not_to_evil(String mode, String probe)
            throws Exception {
        set("cors=" + mode);
        String cookie = client.logIn("alice");
        HttpResponse<String> trusted = client.get("/api/me", "Origin", probe, "Cookie", cookie);
        assertThat(trusted.headers().firstValue("Access-Control-Allow-Origin")).hasValue(probe);
        assertThat(trusted.headers().firstValue("Access-Control-Allow-Credentials"))
                .hasValue("true");
        assertThat(trusted.body()).contains("alice@wonderland.example");

        HttpResponse<String> refused = client.get("/api/me", "Origin", EVIL, "Cookie", cookie);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(lastEntry().corsHeaders()).doesNotContainKey("Access-Control-Allow-Origin");
    }

    @Test
    void cors_credentials_false_withholds_allow_credentials() throws Exception {
        set("cors=reflect,cors-credentials=false");
        HttpResponse<String> response = client.get("/api/me", "Origin", EVIL, "Cookie", client.logIn("alice"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(EVIL);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
    }

    @Test
    void public_data_is_readable_from_any_origin_without_credentials_whatever_the_cors_mode() throws Exception {
        for (String mode : new String[] {"off", "allowlist", "reflect"}) {
            set("cors=" + mode);
            HttpResponse<String> response = client.get("/api/public/posts", "Origin", EVIL);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(mode)
                    .hasValue("*");
            assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                    .as(mode)
                    .isEmpty();
            assertThat(response.body()).contains("garden shed");
        }
    }

    @Test
    void with_every_guard_on_the_first_in_registry_order_refuses_host_fetch_metadata_origin_then_token()
            throws Exception {
        victim.defences().set(Defences.HARDENED);
        String host = client.siteHost();
        String cookie = client.logInThroughTheForm(
                "alice", "Host", host, "Origin", victim.origin(), "Sec-Fetch-Site", "same-origin");
        Map<String, String> forged = Map.of("email", "mallory@evil.example");
        assertRefusedBy(
                client.postForm(
                        "/settings/email",
                        forged,
                        "Cookie",
                        cookie,
                        "Host",
                        "evil.localhost:" + victim.port(),
                        "Origin",
                        EVIL,
                        "Sec-Fetch-Site",
                        "cross-site",
                        "Sec-Fetch-Mode",
                        "navigate"),
                421,
                "host-check");
        assertRefusedBy(
                client.postForm(
                        "/settings/email",
                        forged,
                        "Cookie",
                        cookie,
                        "Host",
                        host,
                        "Origin",
                        EVIL,
                        "Sec-Fetch-Site",
                        "cross-site",
                        "Sec-Fetch-Mode",
                        "navigate"),
                403,
                "fetch-metadata");
        // A client that sends no Fetch Metadata passes that guard and meets the next.
        assertRefusedBy(
                client.postForm("/settings/email", forged, "Cookie", cookie, "Host", host, "Origin", EVIL),
                403,
                "origin-check");
        assertRefusedBy(
                client.postForm("/settings/email", forged, "Cookie", cookie, "Host", host, "Origin", victim.origin()),
                403,
                "csrf-token");
        assertThat(email()).isNotEqualTo("mallory@evil.example");
    }

    @Test
    void jsonp_on_serves_alices_data_to_a_cross_site_script_include() throws Exception {
        set("jsonp=on");
        HttpResponse<String> included = client.get(
                "/api/me.js?callback=steal",
                "Cookie",
                client.logIn("alice"),
                "Origin",
                EVIL,
                "Sec-Fetch-Site",
                "cross-site",
                "Sec-Fetch-Mode",
                "no-cors",
                "Sec-Fetch-Dest",
                "script");
        assertThat(included.statusCode()).isEqualTo(200);
        assertThat(included.body()).startsWith("/**/steal(").contains("alice@wonderland.example");
        assertThat(lastEntry().refusedBy()).isNull();
    }

    @Test
    void jsonp_off_answers_the_legacy_endpoint_with_404_and_leaves_the_json_api_alone() throws Exception {
        set("jsonp=off");
        String cookie = client.logIn("alice");
        HttpResponse<String> included = client.get("/api/me.js?callback=steal", "Cookie", cookie);
        assertRefusedBy(included, 404, "jsonp");
        assertThat(included.body()).doesNotContain("alice@");
        assertThat(lastEntry().refusedBy()).isEqualTo("jsonp");
        assertThat(client.get("/api/me", "Cookie", cookie, "Origin", victim.origin())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void ws_origin_check_on_refuses_a_foreign_handshake_with_403_and_opens_the_sites_own() throws Exception {
        set("ws-origin-check=on");
        String cookie = client.logIn("alice");
        SocketClient.Seen refused = (SocketClient.Seen) SocketClient.open(victim, "Cookie", cookie, "Origin", EVIL);
        assertThat(refused.refusedStatus()).isEqualTo(403);
        assertThat(lastEntry().refusedBy()).isEqualTo("ws-origin-check");
        assertThat(lastEntry().path()).isEqualTo(MessageSocket.PATH);

        SocketClient own = (SocketClient) SocketClient.open(victim, "Cookie", cookie, "Origin", victim.origin());
        assertThat(own.awaitFrame("end-of-history").frames()).anyMatch(f -> f.contains("alice@wonderland.example"));
        own.close();
    }

    @Test
    void ws_origin_check_off_opens_the_socket_for_any_origin_with_alices_messages() throws Exception {
        set("ws-origin-check=off");
        SocketClient foreign =
                (SocketClient) SocketClient.open(victim, "Cookie", client.logIn("alice"), "Origin", EVIL);
        assertThat(foreign.awaitFrame("end-of-history").frames()).anyMatch(f -> f.contains("alice@wonderland.example"));
        assertThat(victim.journal().since(0).stream()
                        .filter(e -> e.path().equals(MessageSocket.PATH))
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .status())
                .isEqualTo(101);
        foreign.close();
    }

    @Test
    void ws_origin_check_leaves_plain_http_requests_alone() throws Exception {
        set("ws-origin-check=on");
        HttpResponse<String> fetched = client.get("/api/me", "Cookie", client.logIn("alice"), "Origin", EVIL);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(lastEntry().refusedBy()).isNull();
    }

    @Test
    void the_hardened_preset_still_lets_alice_use_the_site_normally() throws Exception {
        victim.defences().set(Defences.HARDENED);
        String host = client.siteHost();
        String cookie = client.logInThroughTheForm(
                "alice",
                "Host",
                host,
                "Origin",
                victim.origin(),
                "Sec-Fetch-Site",
                "same-origin",
                "Sec-Fetch-Mode",
                "navigate");
        assertThat(cookie).startsWith("__Host-session=");
        String token =
                client.csrfToken(cookie, "Host", host, "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "navigate");
        assertThat(client.postForm(
                                "/settings/email",
                                Map.of("email", "alice@hardened.example", "_csrf", token),
                                "Cookie",
                                cookie,
                                "Host",
                                host,
                                "Origin",
                                victim.origin(),
                                "Sec-Fetch-Site",
                                "same-origin",
                                "Sec-Fetch-Mode",
                                "navigate")
                        .statusCode())
                .isEqualTo(303);
        assertThat(email()).isEqualTo("alice@hardened.example");
    }

    private String userOf(String cookieHeader) throws Exception {
        HttpResponse<String> me = client.get("/api/me", "Cookie", cookieHeader);
        return me.statusCode() == 200 ? me.body().replaceFirst(".*\"username\":\"([a-z]+)\".*", "$1") : "none";
    }

    @Test
    void cookie_prefix_none_lets_a_tossed_session_cookie_sent_first_shadow_alices() throws Exception {
        set("cookie-prefix=none");
        String alice = client.logIn("alice");
        String mallory = client.logIn("mallory");
        assertThat(alice).startsWith("session=");
        // A cookie tossed for the parent domain with a longer path comes first in the browser's Cookie header.
        assertThat(userOf(mallory + "; " + alice)).isEqualTo("mallory");
        // The journal names both, in the order they came: a name twice is the trace of a tossed cookie.
        assertThat(lastEntry().cookieNames()).containsExactly("session", "session");
        assertThat(lastEntry().user()).isEqualTo("mallory");
        assertThat(userOf(alice)).isEqualTo("alice");
    }

    @Test
    void cookie_prefix_host_names_the_session_cookie_host_only_and_ignores_a_tossed_plain_one() throws Exception {
        set("cookie-prefix=__Host-");
        HttpResponse<String> login = client.postForm("/login", Map.of("username", "alice", "password", "wonderland"));
        String setCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-session="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("; Path=/", "; Secure").doesNotContain("Domain");
        assertThat(setCookie.split("; Secure", -1))
                .as("Secure once, though SameSite=None asks for it too")
                .hasSize(2);
        String alice = TestClient.sessionCookie(login);
        String tossed = client.logIn("mallory").replaceFirst("^__Host-", "");
        assertThat(userOf(tossed + "; " + alice)).isEqualTo("alice");
        assertThat(userOf(tossed)).isEqualTo("none");
    }

    @Test
    void csrf_token_double_submit_sets_a_csrf_cookie_and_obeys_any_form_whose_token_equals_it() throws Exception {
        set("csrf-token=double-submit");
        HttpResponse<String> login = client.postForm("/login", Map.of("username", "alice", "password", "wonderland"));
        String session = TestClient.sessionCookie(login);
        String token = client.csrfToken(session);
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("csrf=" + token + ";"));
        assertRefusedBy(
                client.postForm(
                        "/settings/email",
                        Map.of("email", "mallory@evil.example", "_csrf", "tossed"),
                        "Cookie",
                        session + "; csrf=" + token),
                403,
                "csrf-token");
        assertThat(email()).isEqualTo("alice@wonderland.example");
        // A cookie tossed by a sibling subdomain, sent first, with the same value in the form: obeyed.
        assertThat(client.postForm(
                                "/settings/email",
                                Map.of("email", "mallory@evil.example", "_csrf", "tossed"),
                                "Cookie",
                                "csrf=tossed; " + session + "; csrf=" + token)
                        .statusCode())
                .isEqualTo(303);
        assertThat(email()).isEqualTo("mallory@evil.example");
    }

    @Test
    void csrf_token_double_submit_with_the_host_prefix_reads_only_the_host_only_cookie() throws Exception {
        set("csrf-token=double-submit,cookie-prefix=__Host-");
        HttpResponse<String> login = client.postForm("/login", Map.of("username", "alice", "password", "wonderland"));
        String session = TestClient.sessionCookie(login);
        String token = client.csrfToken(session);
        assertThat(login.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("__Host-csrf=" + token + ";") && c.contains("; Secure"));
        assertRefusedBy(
                client.postForm(
                        "/settings/email",
                        Map.of("email", "mallory@evil.example", "_csrf", "tossed"),
                        "Cookie",
                        "csrf=tossed; " + session + "; __Host-csrf=" + token),
                403,
                "csrf-token");
        assertThat(email()).isEqualTo("alice@wonderland.example");
        assertThat(client.postForm(
                                "/settings/email",
                                Map.of("email", "alice@own.example", "_csrf", token),
                                "Cookie",
                                session + "; __Host-csrf=" + token)
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void login_token_on_refuses_a_login_form_posted_without_the_forms_pre_session_token() throws Exception {
        set("login-token=on");
        int sessionsBefore = victim.sessions().count();
        Map<String, String> forged = Map.of("username", "mallory", "password", "evil-twin");
        HttpResponse<String> refused = client.postForm("/login", forged, "Origin", EVIL);
        assertRefusedBy(refused, 403, "login-token");
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("session="));
        assertThat(lastEntry().refusedBy()).isEqualTo("login-token");
        // Hostile tokens: made up, or for a nonce of another visitor, or with an overlong nonce.
        HttpResponse<String> form = client.get("/login");
        String nonce = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        for (String[] attempt : new String[][] {
            {"made-up", nonce}, {"", nonce}, {"x", "login_nonce=" + "a".repeat(5000)}, {"x", "login_nonce="}
        }) {
            Map<String, String> withToken = new java.util.HashMap<>(forged);
            withToken.put("_csrf", attempt[0]);
            assertRefusedBy(client.postForm("/login", withToken, "Cookie", attempt[1]), 403, "login-token");
        }
        assertThat(victim.sessions().count()).isEqualTo(sessionsBefore);
        assertThat(client.logInThroughTheForm("alice")).startsWith("session=");
    }

    @Test
    void login_token_off_lets_any_site_log_the_browser_in() throws Exception {
        set("login-token=off");
        HttpResponse<String> forged =
                client.postForm("/login", Map.of("username", "mallory", "password", "evil-twin"), "Origin", EVIL);
        assertThat(forged.statusCode()).isEqualTo(303);
        assertThat(userOf(TestClient.sessionCookie(forged))).isEqualTo("mallory");
    }

    @Test
    void framing_self_forbids_other_sites_to_frame_any_answer_and_allow_sends_no_framing_header() throws Exception {
        set("framing=allow");
        String cookie = client.logIn("alice");
        for (String path : new String[] {"/widget", "/settings", "/api/me"}) {
            var open = client.get(path, "Cookie", cookie);
            assertThat(open.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .isEmpty();
            assertThat(open.headers().firstValue("X-Frame-Options")).as(path).isEmpty();
        }

        set("framing=self");
        for (String path : new String[] {"/widget", "/settings", "/api/me", "/login"}) {
            var closed = client.get(path, "Cookie", cookie);
            assertThat(closed.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue("frame-ancestors 'self'");
            assertThat(closed.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
        }
        // A refusal carries them too.
        set("framing=self, widget-target=checked");
        var refused = client.get("/widget", "Cookie", cookie);
        assertRefusedBy(refused, 403, "widget-target");
        assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'self'");
    }

    @Test
    void widget_target_any_posts_alices_profile_to_whatever_page_frames_the_widget() throws Exception {
        set("widget-target=any");
        String cookie = client.logIn("alice");
        var widget = client.get("/widget?parent=" + EVIL, "Cookie", cookie, "Sec-Fetch-Dest", "iframe");
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.body()).contains("data-target=\"*\"", "alice@wonderland.example");
        assertThat(lastEntry().refusedBy()).isNull();
    }

    @Test
    void widget_target_checked_refuses_an_unlisted_or_missing_parent_and_posts_only_to_a_listed_one() throws Exception {
        set("widget-target=checked");
        String cookie = client.logIn("alice");
        var evil = client.get("/widget?parent=" + EVIL, "Cookie", cookie);
        assertRefusedBy(evil, 403, "widget-target");
        assertThat(evil.body()).doesNotContain("alice@");
        assertThat(lastEntry().refusedBy()).isEqualTo("widget-target");
        assertRefusedBy(client.get("/widget", "Cookie", cookie), 403, "widget-target");

        var own = client.get("/widget?parent=" + victim.origin(), "Cookie", cookie);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("data-target=\"" + victim.origin() + "\"", "alice@wonderland.example");
        // The guard watches only the widget.
        assertThat(client.get("/api/me", "Cookie", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    void the_framed_widget_sets_its_partitioned_cookie_once_and_never_outside_a_frame() throws Exception {
        var framed = client.get("/widget", "Sec-Fetch-Dest", "iframe");
        assertThat(framed.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(c -> assertThat(c)
                        .startsWith("flock_widget=")
                        .contains("Path=/widget", "SameSite=None", "Secure", "Partitioned"));
        assertThat(framed.body()).contains("Not signed in");
        String widgetCookie =
                framed.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

        var again = client.get("/widget", "Sec-Fetch-Dest", "iframe", "Cookie", widgetCookie);
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(again.body()).contains("returning visitor");
        assertThat(lastEntry().cookieNames()).containsExactly("flock_widget");

        assertThat(client.get("/widget", "Sec-Fetch-Dest", "document").headers().firstValue("Set-Cookie"))
                .isEmpty();
    }
}
