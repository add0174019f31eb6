package lab.runner.doctor;

import java.util.Map;
import java.util.Optional;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;

/**
 * The jsonp-and-orb lesson's facts, measured: a page on another site that includes Flock's JSON API ({@code
 * /api/me}, a JSON object) as a {@code <script>} gets an error event, and Chromium's only word for it is the failed request,
 * {@code net::ERR_BLOCKED_BY_ORB} (nothing reaches the console: browser facts 23 and 30); the JSONP endpoint
 * included the same way runs and calls the page's function.
 */
final class OpaqueResponseBlockingCheck implements Check {

    static final String ORB_FAILURE = "net::ERR_BLOCKED_BY_ORB";

    /** Includes a script and reports load or error, and whether the callback ran. */
    private static final String INCLUDE = """
            src => new Promise(resolve => {
              window.labDoctor = data => { window.labDoctorCalled = true; };
              window.labDoctorCalled = false;
              const script = document.createElement('script');
              script.src = src;
              script.onload = () => resolve({event: 'load', called: window.labDoctorCalled});
              script.onerror = () => resolve({event: 'error', called: window.labDoctorCalled});
              document.head.append(script);
            })""";

    @Override
    public String name() {
        return "orb-blocks-json-scripts";
    }

    @Override
    public String expected() {
        return "from evil.localhost, <script src=/api/me> (a JSON object) fires error with the failed request '"
                + ORB_FAILURE + "'; <script src=/api/me.js?callback=labDoctor> (JSONP) loads and calls back";
    }

    @Override
    public CheckResult measure(Probe probe) {
        probe.defences(Defences.WIDE_OPEN.with("jsonp", "on"));
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            page.open(probe.attackerOriginAs("evil.localhost") + "/loot");
            Map<?, ?> json = (Map<?, ?>) page.evaluate(INCLUDE, probe.victimOrigin() + "/api/me");
            Optional<String> failure = page.browserWords(ORB_FAILURE);
            Map<?, ?> jsonp =
                    (Map<?, ?>) page.evaluate(INCLUDE, probe.victimOrigin() + "/api/me.js?callback=labDoctor");
            boolean blocked = "error".equals(json.get("event")) && failure.isPresent();
            boolean ran = "load".equals(jsonp.get("event")) && Boolean.TRUE.equals(jsonp.get("called"));
            return result(
                    blocked && ran,
                    "JSON as a script: " + json.get("event") + " event, "
                            + failure.orElse("no failed request naming ORB") + "; JSONP: " + jsonp.get("event")
                            + " event, callback "
                            + (Boolean.TRUE.equals(jsonp.get("called")) ? "called" : "not called"));
        }
    }
}
