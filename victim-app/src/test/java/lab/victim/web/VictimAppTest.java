package lab.victim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import lab.victim.defence.Defences;
import lab.victim.defence.SameSiteMode;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The victim over real HTTP on loopback: login, session cookie, API, CORS headers and journal. */
class VictimAppTest extends VictimHttpTest {

    @Test
    void the_login_form_names_the_site_and_asks_for_both_fields() throws Exception {
        HttpResponse<String> response = get("/login");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Flock", "name=\"username\"", "name=\"password\"");
    }

    @Test
    void a_wrong_password_shows_the_form_again_with_an_error_and_401() throws Exception {
        HttpResponse<String> response = postForm("/login", Map.of("username", "alice", "password", "looking-glass"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Wrong username or password", "value=\"alice\"");
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("session="));
    }

    @Test
    void an_unknown_user_gets_the_same_answer_as_a_wrong_password() throws Exception {
        HttpResponse<String> response = postForm("/login", Map.of("username", "nobody", "password", "wonderland"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Wrong username or password");
    }

    @Test
    void missing_fields_are_a_400_with_the_form() throws Exception {
        HttpResponse<String> response = postForm("/login", Map.of("username", "alice"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Enter your username and your password");
    }

    @Test
    void user_input_is_escaped_in_the_form() throws Exception {
        HttpResponse<String> response = postForm("/login", Map.of("username", "<script>x</script>", "password", "p"));
        assertThat(response.body()).doesNotContain("<script>x").contains("&lt;script");
    }

    @ParameterizedTest
    @EnumSource(SameSiteMode.class)
    void login_sets_an_http_only_session_cookie_whose_samesite_follows_the_defence(SameSiteMode mode) throws Exception {
        victim.defences().set(Defences.WIDE_OPEN.with("samesite", mode.key()));
        HttpResponse<String> response = postForm("/login", Map.of("username", "alice", "password", "wonderland"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).matches("session=[0-9a-f]{32}; Path=/; HttpOnly.*");
        switch (mode) {
            case UNSET -> assertThat(cookie).doesNotContainIgnoringCase("SameSite");
            case NONE -> assertThat(cookie).endsWith("; SameSite=None; Secure");
            case LAX -> assertThat(cookie).endsWith("; SameSite=Lax");
            case STRICT -> assertThat(cookie).endsWith("; SameSite=Strict");
        }
    }

    @Test
    void each_login_gets_a_new_unguessable_session_id() throws Exception {
        assertThat(logIn("alice")).isNotEqualTo(logIn("alice"));
    }

    @Test
    void api_me_without_a_session_is_a_401_json_error() throws Exception {
        HttpResponse<String> response = get("/api/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"error\":\"not logged in\"}");
    }

    @Test
    void api_me_with_a_forged_session_id_is_a_401() throws Exception {
        assertThat(get("/api/me", "Cookie", "session=00000000000000000000000000000000")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void api_me_with_a_session_returns_that_users_private_profile_and_messages() throws Exception {
        HttpResponse<String> response = get("/api/me", "Cookie", logIn("alice"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body())
                .contains(
                        "\"username\":\"alice\"", "\"email\":\"alice@wonderland.example\"", "\"phone\":", "spare key");
        assertThat(get("/api/me", "Cookie", logIn("bob")).body())
                .contains("\"username\":\"bob\"")
                .doesNotContain("alice@");
    }

    @Test
    void the_home_page_sends_anonymous_visitors_to_the_login_form() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void the_home_page_shows_the_feed_and_the_users_private_data() throws Exception {
        HttpResponse<String> response = get("/", "Cookie", logIn("alice"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Your feed", "garden shed", "alice@wonderland.example", "spare key");
    }

    @Test
    void logging_out_ends_the_session() throws Exception {
        String cookie = logIn("alice");
        HttpResponse<String> logout = postForm("/logout", Map.of(), "Cookie", cookie);
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
        assertThat(get("/api/me", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void reflect_lets_the_attacker_origin_read_with_credentials() throws Exception {
        victim.defences().set(Defences.WIDE_OPEN);
        HttpResponse<String> response = get("/api/me", "Origin", EVIL, "Cookie", logIn("alice"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(EVIL);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .hasValue("true");
    }

    @Test
    void allowlist_trusts_the_sites_own_origin_and_not_the_attacker() throws Exception {
        victim.defences().set(Defences.WIDE_OPEN.with("cors", "allowlist"));
        String cookie = logIn("alice");

        HttpResponse<String> hostile = get("/api/me", "Origin", EVIL, "Cookie", cookie);
        assertThat(hostile.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(hostile.headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).contains("Origin"));

        HttpResponse<String> own = get("/api/me", "Origin", victim.origin(), "Cookie", cookie);
        assertThat(own.headers().firstValue("Access-Control-Allow-Origin")).hasValue(victim.origin());
        assertThat(own.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    }

    @Test
    void cors_headers_are_only_on_the_api() throws Exception {
        assertThat(get("/login", "Origin", EVIL).headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void a_defence_switch_applies_to_the_very_next_request() throws Exception {
        String cookie = logIn("alice");
        assertThat(get("/api/me", "Origin", EVIL, "Cookie", cookie).headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(EVIL);
        victim.defences().set(victim.defences().current().with("cors=off"));
        assertThat(get("/api/me", "Origin", EVIL, "Cookie", cookie).headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void the_journal_records_what_each_request_carried_and_what_was_answered() throws Exception {
        String cookie = logIn("alice");
        long mark = victim.journal().lastSeq();

        get("/api/me", "Origin", EVIL, "Cookie", cookie, "Sec-Fetch-Site", "cross-site");
        get("/api/me", "Origin", EVIL);

        List<JournalEntry> entries = victim.journal().since(mark);
        assertThat(entries).hasSize(2);
        JournalEntry withCookie = entries.get(0);
        assertThat(withCookie.method()).isEqualTo("GET");
        assertThat(withCookie.path()).isEqualTo("/api/me");
        assertThat(withCookie.origin()).isEqualTo(EVIL);
        assertThat(withCookie.host()).isEqualTo("127.0.0.1:" + victim.port());
        assertThat(withCookie.secFetchSite()).isEqualTo("cross-site");
        assertThat(withCookie.sessionCookie()).isTrue();
        assertThat(withCookie.user()).isEqualTo("alice");
        assertThat(withCookie.status()).isEqualTo(200);
        assertThat(withCookie.corsHeaders())
                .containsEntry("Access-Control-Allow-Origin", EVIL)
                .containsEntry("Access-Control-Allow-Credentials", "true");

        JournalEntry anonymous = entries.get(1);
        assertThat(anonymous.sessionCookie()).isFalse();
        assertThat(anonymous.user()).isNull();
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void the_journal_records_requests_for_pages_that_do_not_exist() throws Exception {
        long mark = victim.journal().lastSeq();
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(victim.journal().since(mark))
                .singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("/nowhere"))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
    }

    private String logIn(String user) throws Exception {
        return client.logIn(user);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return client.get(path, headers);
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) throws Exception {
        return client.postForm(path, form, headers);
    }
}
