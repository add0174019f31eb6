package lab.scenarios;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One row of a scenario's expectation table: the server defences to set, the browser's third-party cookie
 * setting, and the outcome the lesson says the real browser will produce.
 *
 * @param defences defence name to value, in the order the table lists them (for example {@code cors=reflect})
 */
public record ScenarioCase(Map<String, String> defences, ThirdPartyCookies thirdPartyCookies, Outcome expected) {

    public ScenarioCase {
        Objects.requireNonNull(defences, "defences");
        Objects.requireNonNull(thirdPartyCookies, "thirdPartyCookies");
        Objects.requireNonNull(expected, "expected");
        // Keep the table's order: reports list defences the way the lesson wrote them.
        defences = Collections.unmodifiableMap(new LinkedHashMap<>(defences));
    }

    /** The conditions of the case in words, for example {@code cors=reflect, samesite=none, third-party cookies allowed}. */
    public String conditions() {
        String server = defences.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String browser = "third-party cookies " + thirdPartyCookies.key();
        return server.isEmpty() ? browser : server + ", " + browser;
    }
}
