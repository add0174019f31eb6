package lab.scenarios;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One row of a scenario's expectation table: the server defences to set, the browser's third-party cookie
 * setting, where the attacker's page lives when it differs from the scenario's default, and the outcome the
 * lesson says the real browser will produce.
 *
 * @param defences     defence name to value, in the order the table lists them (for example {@code cors=reflect})
 * @param attackerHost the host name the attacker's page is opened under, or null for the scenario's
 * @param expected     the lesson's expected outcome; null only for exploratory runs (the outcome matrix), which
 *                     observe without expecting
 */
public record ScenarioCase(
        Map<String, String> defences, ThirdPartyCookies thirdPartyCookies, String attackerHost, Outcome expected) {

    public ScenarioCase {
        Objects.requireNonNull(defences, "defences");
        Objects.requireNonNull(thirdPartyCookies, "thirdPartyCookies");
        // Keep the table's order: reports list defences the way the lesson wrote them.
        defences = Collections.unmodifiableMap(new LinkedHashMap<>(defences));
    }

    public ScenarioCase(Map<String, String> defences, ThirdPartyCookies thirdPartyCookies, Outcome expected) {
        this(defences, thirdPartyCookies, null, expected);
    }

    /** The conditions in words: {@code attacker on evilsocial.localhost, cors=suffix, third-party cookies allowed}. */
    public String conditions() {
        String server = defences.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String browser = "third-party cookies " + thirdPartyCookies.key();
        String where = attackerHost == null ? "" : "attacker on " + attackerHost + ", ";
        return where + (server.isEmpty() ? browser : server + ", " + browser);
    }

    /** A case to observe without an expectation, as the outcome matrix runs them. */
    public static ScenarioCase probe(Map<String, String> defences, ThirdPartyCookies thirdPartyCookies) {
        return new ScenarioCase(defences, thirdPartyCookies, null, null);
    }
}
