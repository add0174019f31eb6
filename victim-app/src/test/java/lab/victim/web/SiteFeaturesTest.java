package lab.victim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flock as a user sees it: posting, messages, profiles, settings and the JSON API. */
class SiteFeaturesTest extends VictimHttpTest {

    private String cookie;

    @BeforeEach
    void aliceLogsIn() throws Exception {
        cookie = client.logIn("alice");
    }

    @Test
    void a_post_from_the_form_appears_in_the_feed_escaped() throws Exception {
        assertThat(client.postForm("/posts", Map.of("body", "<img src=x onerror=alert(1)> hello"), "Cookie", cookie)
                        .statusCode())
                .isEqualTo(303);
        String feed = client.get("/", "Cookie", cookie).body();
        assertThat(feed).contains("&lt;img src=x onerror=alert(1)&gt; hello").doesNotContain("<img src=x");
    }

    @Test
    void an_empty_or_overlong_post_is_refused_with_the_reason() throws Exception {
        var empty = client.postForm("/posts", Map.of("body", "   "), "Cookie", cookie);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("a post has 1 to 500 characters");
        assertThat(client.postForm("/posts", Map.of("body", "x".repeat(501)), "Cookie", cookie)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void posting_through_the_api_needs_json_and_a_login() throws Exception {
        assertThat(client.sendJson("POST", "/api/posts", "{\"body\":\"from the API\"}", "Cookie", cookie)
                        .statusCode())
                .isEqualTo(201);
        assertThat(client.get("/api/public/posts").body()).contains("from the API");
        assertThat(client.sendJson("POST", "/api/posts", "{\"body\":\"anonymous\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(client.send(
                                "POST",
                                "/api/posts",
                                java.net.http.HttpRequest.BodyPublishers.ofString("{\"body\":\"x\"}"),
                                "Cookie",
                                cookie,
                                "Content-Type",
                                "text/plain")
                        .statusCode())
                .isEqualTo(415);
        assertThat(client.sendJson("POST", "/api/posts", "{\"body\":", "Cookie", cookie)
                        .statusCode())
                .isEqualTo(400);
        assertThat(client.sendJson("POST", "/api/posts", "{\"text\":\"x\"}", "Cookie", cookie)
                        .body())
                .contains("'body'");
    }

    @Test
    void messages_are_private_to_their_recipient() throws Exception {
        assertThat(client.get("/messages", "Cookie", cookie).body()).contains("spare key");
        assertThat(client.get("/api/messages", "Cookie", cookie).body()).contains("spare key");
        assertThat(client.get("/api/messages", "Cookie", client.logIn("bob")).body())
                .doesNotContain("spare key")
                .contains("scones");
        assertThat(client.get("/api/messages").statusCode()).isEqualTo(401);
        assertThat(client.get("/messages").statusCode()).isEqualTo(302);
    }

    @Test
    void a_public_profile_shows_posts_but_no_private_data() throws Exception {
        var profile = client.get("/profile/alice");
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body())
                .contains("Alice Liddell", "white rabbit")
                .doesNotContain("alice@wonderland.example", "7946");
        assertThat(client.get("/profile/nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void the_settings_form_changes_the_email_and_refuses_a_malformed_one() throws Exception {
        var saved = client.postForm("/settings/email", Map.of("email", "alice@new.example"), "Cookie", cookie);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/settings?saved=1");
        assertThat(client.get("/settings?saved=1", "Cookie", cookie).body())
                .contains("was changed", "alice@new.example");

        var bad = client.postForm(
                "/settings/email", Map.of("email", "not an address'; DROP TABLE users;--"), "Cookie", cookie);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("name@example.com");
        assertThat(client.get("/api/me", "Cookie", cookie).body()).contains("alice@new.example");
    }

    @Test
    void the_json_settings_endpoint_changes_the_email() throws Exception {
        var response =
                client.sendJson("PUT", "/api/settings/email", "{\"email\":\"alice@json.example\"}", "Cookie", cookie);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"email\":\"alice@json.example\"}");
        assertThat(client.sendJson("PUT", "/api/settings/email", "{\"email\":\"nope\"}", "Cookie", cookie)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void pages_carry_the_sessions_csrf_token_in_every_form() throws Exception {
        String token = client.csrfToken(cookie);
        assertThat(token).matches("[0-9a-f]{32}");
        assertThat(client.get("/", "Cookie", cookie).body()).contains("name=\"_csrf\" value=\"" + token + "\"");
    }
}
