package lab.runner.doctor;

import java.util.List;
import java.util.Map;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * The preflight-cache lesson's facts (browser facts 26), as its cases stage them: a page on {@code evil.localhost}
 * sends a harmless credentialed JSON {@code PUT} (an empty address, refused with 400) while Flock reflects its
 * origin; Flock then switches to {@code cors=allowlist}, and the page sends the same {@code PUT} again. With
 * {@code Access-Control-Max-Age: 600} the second goes with no new preflight, Alice's cookie on it; with
 * {@code Max-Age 0} the browser asks again, gets no, and does not send it. Counted in Flock's journal.
 */
final class PreflightCacheCheck implements Check {

    private static final String PATH = "/api/settings/email";

    /** A harmless JSON PUT: an empty address, which Flock refuses with 400 and stores nothing for. */
    private static final String PUT = """
            async url => {
              try {
                const response = await fetch(url, {method: 'PUT', credentials: 'include',
                    headers: {'Content-Type': 'application/json'}, body: JSON.stringify({email: ''})});
                return 'read HTTP ' + response.status;
              } catch (e) {
                return String(e);
              }
            }""";

    @Override
    public String name() {
        return "preflight-cache";
    }

    @Override
    public String expected() {
        return "after cors=reflect is switched to allowlist, the next credentialed PUT " + PATH + " from evil.localhost"
                + " goes with no new preflight under Access-Control-Max-Age: 600; under 0 a new preflight comes"
                + " and the PUT is not sent";
    }

    @Override
    public CheckResult measure(Probe probe) {
        Defences reflecting = Defences.WIDE_OPEN.with(Map.of("cors", "reflect", "samesite", "none"));
        probe.defences(reflecting);
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            if (page.logInAsAlice().isEmpty()) {
                return result(false, "the login stored no session cookie, so the PUT could not be credentialed");
            }
            page.open(probe.attackerOriginAs("evil.localhost") + "/loot");
            // A query of its own per run and Max-Age: a preflight cached for another URL is no answer for this one.
            String visit = Long.toString(System.nanoTime(), 36);
            Switch cached = afterSwitch(probe, page, reflecting, 600, visit);
            Switch uncached = afterSwitch(probe, page, reflecting, 0, visit);
            boolean passed = cached.cachedBefore()
                    && cached.preflights() == 0
                    && cached.put() != null
                    && cached.put().sessionCookie()
                    && uncached.cachedBefore()
                    && uncached.preflights() == 1
                    && uncached.put() == null;
            return result(passed, "Max-Age 600: " + cached + "; Max-Age 0: " + uncached);
        }
    }

    /**
     * One PUT while Flock reflects the page's origin with {@code maxAge}, then Flock switches to the allowlist and
     * the page sends the same PUT again: what reached Flock after the switch.
     */
    private static Switch afterSwitch(Probe probe, ProbePage page, Defences reflecting, int maxAge, String visit) {
        Defences before = reflecting.with("cors-max-age", String.valueOf(maxAge));
        probe.defences(before);
        String url = probe.victimOrigin() + PATH + "?doctor=" + visit + "-" + maxAge;
        long first = probe.journalMark();
        page.evaluate(PUT, url);
        List<JournalEntry> beforeSwitch = probe.arrivedSince(first, PATH);
        boolean cachedBefore = count(beforeSwitch, "OPTIONS") == 1 && count(beforeSwitch, "PUT") == 1;

        probe.defences(before.with("cors", "allowlist"));
        long second = probe.journalMark();
        Object script = page.evaluate(PUT, url);
        List<JournalEntry> afterSwitch = probe.arrivedSince(second, PATH);
        JournalEntry put = afterSwitch.stream()
                .filter(e -> e.method().equals("PUT"))
                .findFirst()
                .orElse(null);
        return new Switch(cachedBefore, (int) count(afterSwitch, "OPTIONS"), put, String.valueOf(script));
    }

    private static long count(List<JournalEntry> entries, String method) {
        return entries.stream().filter(e -> e.method().equals(method)).count();
    }

    /**
     * @param cachedBefore whether the first PUT came after exactly one preflight, as it must for the test to mean
     *                     anything
     * @param preflights   the preflights Flock received after the switch
     * @param put          the PUT Flock received after the switch, or null
     * @param script       what the page's script got
     */
    private record Switch(boolean cachedBefore, int preflights, JournalEntry put, String script) {

        @Override
        public String toString() {
            return (cachedBefore ? "" : "(the first PUT did not come after one preflight) ") + preflights
                    + " preflight" + (preflights == 1 ? "" : "s") + " after the switch, "
                    + (put == null
                            ? "no PUT"
                            : "the PUT answered " + put.status() + (put.sessionCookie() ? " with" : " without")
                                    + " the session cookie")
                    + " (the script: " + script + ")";
        }
    }
}
