package lab.runner.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.scenarios.Target;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.Test;

class WhatTheVictimReceivedTest {

    private static final String EVIL = "http://evil.localhost:7002";

    private static JournalEntry entry(
            String method, String origin, boolean session, Map<String, String> cors, int status, String refusedBy) {
        return JournalEntry.observed(
                method,
                "/api/me",
                origin,
                "social.localhost:7001",
                "cross-site",
                "cors",
                null,
                null,
                session ? List.of("session") : List.of(),
                session,
                session ? "alice" : null,
                cors,
                status,
                refusedBy);
    }

    private static Evidence evidence(JournalEntry received, JournalEntry preflight) {
        return new Evidence(List.of(), null, "failed", "", received, preflight, false, false, false, null);
    }

    @Test
    void one_line_names_request_origin_cookie_status_cors_headers_and_the_refusing_defence() {
        JournalEntry refused = entry(
                "GET",
                EVIL,
                true,
                Map.of("Access-Control-Allow-Origin", EVIL, "Access-Control-Allow-Credentials", "true"),
                403,
                "fetch-metadata");
        assertThat(WhatTheVictimReceived.line(refused))
                .isEqualTo("GET /api/me from " + EVIL + ", session cookie: yes (alice), status 403, "
                        + "Access-Control-Allow-Credentials: true, Access-Control-Allow-Origin: " + EVIL
                        + ", refused by fetch-metadata");
    }

    @Test
    void a_request_without_origin_cookie_or_cors_headers_says_so() {
        assertThat(WhatTheVictimReceived.line(entry("POST", null, false, Map.of(), 401, null)))
                .isEqualTo("POST /api/me (no Origin), session cookie: no, status 401, no CORS headers");
    }

    @Test
    void a_case_whose_request_never_arrived_names_the_target_and_any_preflight() {
        Target target = new Target("PUT", "/api/me");
        assertThat(WhatTheVictimReceived.line(evidence(null, null), target)).isEqualTo("no PUT /api/me at all");
        assertThat(WhatTheVictimReceived.line(
                        evidence(null, entry("OPTIONS", EVIL, false, Map.of(), 204, null)), target))
                .startsWith("only the preflight of PUT /api/me: OPTIONS /api/me from " + EVIL);
    }

    @Test
    void json_carries_the_same_facts_with_cors_headers_as_name_value_and_the_line_as_text() {
        JournalEntry read = entry("GET", EVIL, true, Map.of("Access-Control-Allow-Origin", "*"), 200, null);
        Map<String, Object> json = WhatTheVictimReceived.json(read);
        assertThat(json)
                .containsEntry("sessionCookie", true)
                .containsEntry("status", 200)
                .containsEntry("corsHeaders", List.of("Access-Control-Allow-Origin: *"))
                .containsEntry("text", WhatTheVictimReceived.line(read));
    }
}
