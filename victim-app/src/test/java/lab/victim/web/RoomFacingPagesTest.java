package lab.victim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a person in a workshop reads on Flock: refusals as pages, why the login form appeared, the SameSite of
 * the cookie they hold, and a page for the wrong host name.
 */
class RoomFacingPagesTest extends VictimHttpTest {

    private static final String[] NAVIGATION = {"Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate"};

    private String[] navigation(String... more) {
        String[] all = java.util.Arrays.copyOf(NAVIGATION, NAVIGATION.length + more.length + 2);
        System.arraycopy(more, 0, all, NAVIGATION.length, more.length);
        all[all.length - 2] = "Host";
        all[all.length - 1] = client.siteHost();
        return all;
    }

    @Test
    void a_refused_navigation_gets_a_page_naming_the_defence_and_what_it_checked_and_a_script_gets_json()
            throws Exception {
        String cookie = client.logIn("alice");
        victim.defences().set(victim.defences().current().with("fetch-metadata=on"));

        var page = client.postForm(
                "/settings/email", Map.of("email", "mallory@evil.example"), navigation("Cookie", cookie));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("X-Lab-Defence")).hasValue("fetch-metadata");
        assertThat(page.body())
                .contains("data-defence=\"fetch-metadata\"", "fetch-metadata=on", "POST /settings/email")
                .contains("cross-site");

        var api = client.get("/api/me", "Cookie", cookie, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "cors");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).startsWith("{").contains("\"defence\":\"fetch-metadata\"");
        assertThat(victim.journal()
                        .since(0)
                        .get(victim.journal().since(0).size() - 1)
                        .refusedBy())
                .isEqualTo("fetch-metadata");
    }

    @Test
    void a_cross_site_page_request_without_the_cookie_lands_on_a_login_form_that_says_why() throws Exception {
        victim.defences().set(victim.defences().current().with("samesite=lax"));
        var forged = client.postForm("/settings/email", Map.of("email", "mallory@evil.example"), navigation());
        assertThat(forged.statusCode()).isEqualTo(302);
        String location = forged.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/login?why=cookie-withheld");

        String login = client.get(location, "Host", client.siteHost()).body();
        assertThat(login)
                .contains("id=\"login-why\"", "POST /settings/email", "Sec-Fetch-Site: cross-site", "SameSite=Lax");

        // Opened on its own, the form explains nothing.
        assertThat(client.get("/login").body()).doesNotContain("login-why");
        // A same-origin page request without a session is simply sent to log in.
        var own = client.get(
                "/settings", "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "navigate", "Host", client.siteHost());
        assertThat(own.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void flock_shows_the_cookie_s_samesite_and_renews_it_in_one_click_without_the_password() throws Exception {
        victim.defences().set(victim.defences().current().with("samesite=none"));
        String cookie = client.logIn("alice");
        assertThat(client.get("/", "Cookie", cookie).body())
                .contains("data-cookie=\"None\" data-server=\"None\"")
                .doesNotContain("renew-session");

        victim.defences().set(victim.defences().current().with("samesite=strict"));
        String home = client.get("/", "Cookie", cookie).body();
        assertThat(home).contains("data-cookie=\"None\" data-server=\"Strict\"", "id=\"renew-session\"");

        // Without the page's CSRF token (another site posting), nothing is renewed.
        var forged = client.postForm("/session/renew", Map.of(), "Cookie", cookie);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Set-Cookie")).isEmpty();

        var renewed = client.postForm(
                "/session/renew", Map.of("_csrf", client.csrfToken(cookie), "back", "/settings"), "Cookie", cookie);
        assertThat(renewed.statusCode()).isEqualTo(303);
        assertThat(renewed.headers().firstValue("Location")).hasValue("/settings");
        String setCookie = renewed.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("SameSite=Strict").doesNotContain(cookie);
        String newCookie = setCookie.split(";", 2)[0];

        assertThat(client.get("/", "Cookie", newCookie).body())
                .contains("data-cookie=\"Strict\" data-server=\"Strict\"");
        // The old cookie's session has ended.
        assertThat(client.get("/", "Cookie", cookie).statusCode()).isEqualTo(302);
    }

    @Test
    void a_browser_opening_localhost_or_127_0_0_1_is_sent_to_social_localhost_and_scripts_are_served_as_before()
            throws Exception {
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            var page = client.get("/", "Host", host + ":" + victim.port(), "Sec-Fetch-Mode", "navigate");
            assertThat(page.statusCode()).as(host).isEqualTo(421);
            assertThat(page.body()).as(host).contains("id=\"wrong-host\"", victim.origin() + "/");
        }
        // Other names (a rebound DNS name) and script requests are served as they always were.
        assertThat(client.get("/internal/admin", "Host", "rebind.localhost:1234", "Sec-Fetch-Mode", "navigate")
                        .statusCode())
                .isEqualTo(200);
        assertThat(client.get("/api/public/posts", "Host", "localhost:" + victim.port(), "Sec-Fetch-Mode", "cors")
                        .statusCode())
                .isEqualTo(200);
    }
}
