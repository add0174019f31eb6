package lab.runner.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.victim.auth.SessionStore;
import lab.victim.defence.CookiePrefix;
import lab.victim.journal.JournalEntry;

/**
 * The one wording of "what the victim received" for a request its journal recorded: method and path, Origin,
 * whether the session cookie came (and whose), the status, the CORS headers as {@code Name: value}, and the
 * defence that refused it. The terminal, the JSON report, the HTML report, the step mode and the console all
 * say it with these words, so a trainer reads the same sentence everywhere.
 */
public final class WhatTheVictimReceived {

    private WhatTheVictimReceived() {}

    /** {@code GET /api/me from http://evil.localhost:7002}, or {@code ... (no Origin)}. */
    public static String request(JournalEntry e) {
        return e.method() + " " + e.path() + (e.origin() == null ? " (no Origin)" : " from " + e.origin());
    }

    /** {@code yes (alice)} or {@code no}. */
    public static String sessionCookie(JournalEntry e) {
        return e.sessionCookie() ? "yes" + (e.user() == null ? "" : " (" + e.user() + ")") : "no";
    }

    /** Each CORS header the victim answered with, as {@code Name: value}, sorted by name. */
    public static List<String> corsHeaders(JournalEntry e) {
        List<String> headers = new ArrayList<>();
        e.corsHeaders().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(h -> headers.add(h.getKey() + ": " + h.getValue()));
        return headers;
    }

    /** The CORS headers on one line, or {@code no CORS headers}. */
    public static String corsText(JournalEntry e) {
        List<String> headers = corsHeaders(e);
        return headers.isEmpty() ? "no CORS headers" : String.join(", ", headers);
    }

    /**
     * The whole of it in one line: {@code GET /api/me from http://evil.localhost:7002, session cookie: yes (alice),
     * status 200, Access-Control-Allow-Origin: *[, refused by host-check]}.
     */
    public static String line(JournalEntry e) {
        return request(e) + ", session cookie: " + sessionCookie(e) + otherCookies(e) + ", status " + e.status() + ", "
                + corsText(e) + (e.refusedBy() == null ? "" : ", refused by " + e.refusedBy());
    }

    /**
     * {@code , other cookies: flock_widget} when cookies besides the session came along (a widget's, or a second
     * session cookie a sibling subdomain tossed), else "". The one session cookie left out is {@code __Host-session}
     * when it came, else {@code session}.
     */
    private static String otherCookies(JournalEntry e) {
        List<String> others = new ArrayList<>(e.cookieNames());
        if (!others.remove(CookiePrefix.HOST.cookieName(SessionStore.COOKIE_NAME))) {
            others.remove(SessionStore.COOKIE_NAME);
        }
        return others.isEmpty() ? "" : ", other cookies: " + String.join(", ", others);
    }

    /**
     * What the victim received of a case's deciding request ({@code target}, such as {@code GET /api/me}):
     * {@link #line}, or what came instead of it.
     */
    public static String line(Evidence evidence, Object target) {
        if (evidence.victimReceived() != null) {
            return line(evidence.victimReceived());
        }
        return evidence.preflight() == null
                ? "no " + target + " at all"
                : "only the preflight of " + target + ": " + line(evidence.preflight());
    }

    /** The same facts as JSON fields, with the line itself as {@code text}. */
    public static Map<String, Object> json(JournalEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", e.method());
        json.put("path", e.path());
        json.put("origin", e.origin());
        json.put("sessionCookie", e.sessionCookie());
        json.put("cookieNames", e.cookieNames());
        json.put("user", e.user());
        json.put("status", e.status());
        json.put("corsHeaders", corsHeaders(e));
        json.put("refusedBy", e.refusedBy());
        json.put("text", line(e));
        return json;
    }

    /** {@link #json(JournalEntry)}, or null for a request that never arrived. */
    public static Map<String, Object> jsonOrNull(JournalEntry e) {
        return e == null ? null : json(e);
    }
}
