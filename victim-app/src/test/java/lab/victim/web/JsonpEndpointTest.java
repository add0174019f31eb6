package lab.victim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The legacy JSONP endpoint: what it answers, and how it refuses callback names that are not identifiers. */
class JsonpEndpointTest extends VictimHttpTest {

    @Test
    void a_valid_callback_gets_alices_data_as_a_script_calling_it() throws Exception {
        victim.defences().set(Defences.WIDE_OPEN.with("jsonp=on"));
        HttpResponse<String> answer =
                client.get("/api/me.js?callback=steal_1$", "Cookie", client.logIn("alice"), "Origin", EVIL);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/javascript"));
        assertThat(answer.body()).startsWith("/**/steal_1$({").endsWith("});").contains("alice@wonderland.example");
    }

    @Test
    void without_a_session_the_callback_gets_no_private_data() throws Exception {
        HttpResponse<String> answer = client.get("/api/me.js?callback=steal");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("/**/steal({\"error\":\"not logged in\"});");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1abc",
                "alert(1)//",
                "a.b",
                "a-b",
                "</script><script>alert(1)</script>",
                "x;fetch('//evil')",
                "caf\u00e9",
                "a\u0000b",
                "a b",
                "A0123456789012345678901234567890123456789012345678901234567890123"
            })
    void a_callback_name_that_is_not_a_short_identifier_is_refused_with_400_and_never_echoed(String name)
            throws Exception {
        String cookie = client.logIn("alice");
        int before = victim.database().messagesFor("alice").size();
        HttpResponse<String> answer =
                client.get("/api/me.js?callback=" + URLEncoder.encode(name, StandardCharsets.UTF_8), "Cookie", cookie);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(answer.body()).contains("callback").doesNotContain("alice@");
        if (name.length() > 1) {
            assertThat(answer.body()).doesNotContain(name);
        }
        assertThat(victim.database().messagesFor("alice")).hasSize(before);
    }

    @Test
    void a_missing_callback_is_refused_with_400() throws Exception {
        HttpResponse<String> answer = client.get("/api/me.js", "Cookie", client.logIn("alice"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("missing callback").doesNotContain("alice@");
    }

    @Test
    void the_longest_allowed_name_is_served() throws Exception {
        String name = "a".repeat(JsonpCallback.MAX_LENGTH);
        HttpResponse<String> answer = client.get("/api/me.js?callback=" + name, "Cookie", client.logIn("alice"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("/**/" + name + "(");
    }
}
