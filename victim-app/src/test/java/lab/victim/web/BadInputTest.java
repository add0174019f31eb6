package lab.victim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and malformed input against every endpoint of the victim: each gets a clear 4xx (or the answer a
 * legitimate request would get), never a 500, never a stack trace, and never a changed state.
 */
class BadInputTest extends VictimHttpTest {

    /** Every route of the victim, with the body a request to it carries. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("GET", "/", null),
                Arguments.of("POST", "/posts", "form"),
                Arguments.of("GET", "/messages", null),
                Arguments.of("GET", "/profile/alice", null),
                Arguments.of("GET", "/settings", null),
                Arguments.of("POST", "/settings/email", "form"),
                Arguments.of("GET", "/login", null),
                Arguments.of("POST", "/login", "form"),
                Arguments.of("POST", "/logout", "form"),
                Arguments.of("GET", "/api/me", null),
                Arguments.of("GET", "/api/messages", null),
                Arguments.of("POST", "/api/posts", "json"),
                Arguments.of("PUT", "/api/settings/email", "json"),
                Arguments.of("GET", "/api/public/posts", null),
                Arguments.of("OPTIONS", "/api/me", null),
                Arguments.of("GET", "/internal/admin", null),
                Arguments.of("GET", "/widget", null));
    }

    /** Header sets a scanner, a fuzzer or a confused client would send. */
    private static List<String[]> hostileHeaders() {
        String longHost = "a".repeat(3000) + ".localhost";
        List<String[]> sets = new ArrayList<>();
        // Non-ASCII arrives as raw UTF-8 bytes on the wire; the test client only sends Latin-1, so encode it so.
        String unicode =
                new String("http://пример.localhost".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        for (String origin : new String[] {
            "null",
            "http://",
            "file://",
            "http://xn--80ak6aa92e.localhost",
            unicode,
            "http://" + longHost,
            "not a url at all",
            "http://evil.localhost:99999",
            "javascript:alert(1)",
            "http://[::1]:7001",
            "'; DROP TABLE users;--"
        }) {
            sets.add(new String[] {"Origin", origin, "Referer", origin});
        }
        sets.add(new String[] {"Origin", "http://evil.localhost", "Origin", "http://social.localhost"});
        sets.add(new String[] {"Cookie", "session"});
        sets.add(new String[] {"Cookie", "=;;;=;session=;session"});
        sets.add(new String[] {"Cookie", "session=" + "f".repeat(32) + "; session=" + "0".repeat(32)});
        sets.add(new String[] {"Cookie", "session='; DROP TABLE users;--"});
        sets.add(new String[] {"Cookie", "session=" + "x".repeat(6000)});
        sets.add(new String[] {"Host", "evil.localhost:1"});
        sets.add(new String[] {"Host", longHost});
        sets.add(new String[] {
            "Host", new String("пример.localhost".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
        });
        sets.add(new String[] {"Sec-Fetch-Site", "cross-site, same-origin", "Sec-Fetch-Mode", "navigate"});
        return sets;
    }

    private HttpResponse<String> send(String method, String path, String bodyKind, String... headers) throws Exception {
        return switch (bodyKind == null ? "none" : bodyKind) {
            case "form" ->
                client.postForm(
                        path,
                        Map.of("username", "alice", "password", "wrong", "body", "x", "email", "x@y.example"),
                        headers);
            case "json" -> client.sendJson(method, path, "{\"email\":\"x@y.example\",\"body\":\"x\"}", headers);
            default -> client.send(method, path, HttpRequest.BodyPublishers.noBody(), headers);
        };
    }

    private static void assertClean(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + " status").isLessThan(500);
        assertThat(response.body())
                .as(what + " body")
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("at lab.")
                .doesNotContain("at io.javalin");
    }

    private void assertNothingChanged() {
        assertThat(victim.database().profile("alice").orElseThrow().email()).isEqualTo("alice@wonderland.example");
        assertThat(victim.database().feed()).hasSize(3);
    }

    @ParameterizedTest(name = "{0} {1} with hostile headers")
    @MethodSource("endpoints")
    void hostile_or_malformed_headers_get_a_clean_answer_and_change_nothing(String method, String path, String body)
            throws Exception {
        for (String defences :
                new String[] {"cors=reflect", "cors=regex,host-check=on,origin-check=on,fetch-metadata=on,csrf-token=on"
                }) {
            victim.defences().set(lab.victim.defence.Defences.WIDE_OPEN.with(defences));
            for (String[] headers : hostileHeaders()) {
                assertClean(
                        send(method, path, body, headers),
                        method + " " + path + " "
                                + String.join(" ", headers)
                                        .substring(
                                                0,
                                                Math.min(
                                                        80,
                                                        String.join(" ", headers)
                                                                .length()))
                                + " under " + defences);
            }
        }
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{0} {1} with an oversized header")
    @MethodSource("endpoints")
    void an_oversized_header_is_refused_cleanly(String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(method, path, body, "Cookie", "session=" + "x".repeat(20_000));
        assertThat(response.statusCode()).isEqualTo(431);
        assertNothingChanged();
    }

    @ParameterizedTest(name = "form field {0} with SQL metacharacters and very long strings")
    @MethodSource("formFields")
    void form_fields_with_sql_metacharacters_or_huge_values_are_refused_or_taken_literally(String path, String field)
            throws Exception {
        String cookie = client.logIn("alice");
        for (String value : new String[] {
            "' OR '1'='1", "alice'--", "\"; DROP TABLE users; --", "%00\u0000", "x".repeat(5_000), "y".repeat(300_000)
        }) {
            HttpResponse<String> response = client.postForm(path, Map.of(field, value), "Cookie", cookie);
            String what = path + " " + field + "=" + value.substring(0, Math.min(20, value.length()));
            assertClean(response, what);
            if (path.equals("/posts") && response.statusCode() == 303) {
                // A short post is a post, whatever its characters: kept as text and shown escaped.
                assertThat(value.length()).as(what).isLessThanOrEqualTo(Validation.MAX_POST);
                assertThat(victim.database().feed().get(0).body()).as(what).isEqualTo(value.strip());
            } else {
                assertThat(response.statusCode()).as(what).isIn(400, 401, 413);
            }
        }
        assertThat(victim.database().profile("alice").orElseThrow().email()).isEqualTo("alice@wonderland.example");
        assertThat(client.get("/api/me", "Cookie", cookie).statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> formFields() {
        return Stream.of(
                Arguments.of("/login", "username"),
                Arguments.of("/login", "password"),
                Arguments.of("/posts", "body"),
                Arguments.of("/settings/email", "email"));
    }

    @ParameterizedTest(name = "{0} {1} with invalid JSON or a wrong content type")
    @MethodSource("jsonEndpoints")
    void json_endpoints_refuse_invalid_json_and_wrong_content_types(String method, String path) throws Exception {
        String cookie = client.logIn("alice");
        for (String json : new String[] {
            "",
            "{",
            "[]",
            "null",
            "42",
            "{\"email\": 5, \"body\": []}",
            "{\"email\":{\"$ne\":1}}",
            "{\"email\":\"" + "e".repeat(20_000) + "@x.example\"}",
            "\u0000\u0001"
        }) {
            HttpResponse<String> response = client.sendJson(method, path, json, "Cookie", cookie);
            assertClean(response, method + " " + path + " " + json.substring(0, Math.min(20, json.length())));
            assertThat(response.statusCode()).isIn(400, 413);
        }
        for (String contentType : new String[] {
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/jsonx"
        }) {
            HttpResponse<String> response = client.send(
                    method,
                    path,
                    HttpRequest.BodyPublishers.ofString("{\"email\":\"m@evil.example\",\"body\":\"x\"}"),
                    "Cookie",
                    cookie,
                    "Content-Type",
                    contentType);
            assertClean(response, contentType);
            assertThat(response.statusCode()).as(contentType).isEqualTo(415);
        }
        assertNothingChanged();
    }

    static Stream<Arguments> jsonEndpoints() {
        return Stream.of(Arguments.of("POST", "/api/posts"), Arguments.of("PUT", "/api/settings/email"));
    }

    @ParameterizedTest(name = "widget ?parent={0}")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"evil", "javascript:alert(1)", "http://evil.localhost/path", "http://a b", "data:,x", "*", ""})
    void the_widget_refuses_a_parent_that_is_not_an_origin(String parent) throws Exception {
        String cookie = client.logIn("alice");
        var response = client.get(
                "/widget?parent=" + java.net.URLEncoder.encode(parent, StandardCharsets.UTF_8), "Cookie", cookie);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("parent must be an origin").doesNotContain("alice@");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void the_widget_refuses_an_overlong_parent() throws Exception {
        var response = client.get("/widget?parent=http://" + "a".repeat(300) + ".localhost");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @ParameterizedTest(name = "settings ?email={0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"not-an-address", "a@b", "a b@x.example", ""})
    void the_settings_page_refuses_a_proposed_address_that_is_not_one_and_changes_nothing(String email)
            throws Exception {
        String cookie = client.logIn("alice");
        var response = client.get(
                "/settings?email=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8), "Cookie", cookie);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("enter an e-mail address");
        assertNothingChanged();
    }
}
