package lab.scenarios;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One row of a scenario's expectation table: the server defences to set, the browser's third-party cookie
 * setting, where the attacker's page lives when it differs from the scenario's default, the outcome the
 * lesson says each real browser engine will produce, and the evidence that makes that outcome the lesson's.
 *
 * @param defences         defence name to value, in the order the table lists them (for example {@code cors=reflect})
 * @param attackerHost     the host name the attacker's page is opened under, or null for the scenario's
 * @param expectedByEngine the lesson's expected outcome per engine ({@link Engines}); empty only for exploratory
 *                         runs (the outcome matrix), which observe without expecting
 * @param evidence         what must be seen for the outcome to count ({@link DecisiveEvidence#NONE}: nothing)
 * @param whyEnginesDiffer why the engines' expectations differ, in a few words ("no Lax by default"); null when
 *                         they agree
 * @param evidenceIn       an engine's own decisive evidence where it differs from {@code evidence} (an engine whose
 *                         outcome differs sees other evidence)
 * @param notApplicable    the engines that cannot express the case at all (it rests on a mechanism only another
 *                         engine has), each with its reason: the case is not run there, and reports say "not
 *                         applicable" with the reason, counting it neither passed nor failed
 * @param then             the defences the lab changes in the middle of the case, or null for none
 * @param permissions      browser permissions Alice has granted the attacker's page for this case
 *                         ({@link BrowserPermission}), none when empty
 */
public record ScenarioCase(
        Map<String, String> defences,
        ThirdPartyCookies thirdPartyCookies,
        String attackerHost,
        Map<String, Outcome> expectedByEngine,
        DecisiveEvidence evidence,
        String whyEnginesDiffer,
        Map<String, DecisiveEvidence> evidenceIn,
        Map<String, String> notApplicable,
        CaseSwitch then,
        List<BrowserPermission> permissions) {

    public ScenarioCase {
        Objects.requireNonNull(defences, "defences");
        Objects.requireNonNull(thirdPartyCookies, "thirdPartyCookies");
        // Keep the table's order: reports list defences the way the lesson wrote them.
        defences = Collections.unmodifiableMap(new LinkedHashMap<>(defences));
        expectedByEngine = Map.copyOf(Objects.requireNonNullElse(expectedByEngine, Map.of()));
        evidence = Objects.requireNonNullElse(evidence, DecisiveEvidence.NONE);
        evidenceIn = Map.copyOf(Objects.requireNonNullElse(evidenceIn, Map.of()));
        notApplicable = Map.copyOf(Objects.requireNonNullElse(notApplicable, Map.of()));
        permissions = List.copyOf(Objects.requireNonNullElse(permissions, List.of()));
    }

    /** As the canonical constructor, for a case that every engine can express, with no change of defences midway. */
    public ScenarioCase(
            Map<String, String> defences,
            ThirdPartyCookies thirdPartyCookies,
            String attackerHost,
            Map<String, Outcome> expectedByEngine,
            DecisiveEvidence evidence,
            String whyEnginesDiffer,
            Map<String, DecisiveEvidence> evidenceIn) {
        this(
                defences,
                thirdPartyCookies,
                attackerHost,
                expectedByEngine,
                evidence,
                whyEnginesDiffer,
                evidenceIn,
                Map.of(),
                null,
                List.of());
    }

    /** Why the case cannot be expressed in {@code engine}, or null when it can. */
    public String notApplicableIn(String engine) {
        return notApplicable.get(engine);
    }

    /** The decisive evidence of this case in {@code engine}: its own where the case states one, else the shared. */
    public DecisiveEvidence evidence(String engine) {
        return evidenceIn.getOrDefault(engine, evidence);
    }

    /** A case whose engines, if they differ, are not told apart by a reason (tests build these). */
    public ScenarioCase(
            Map<String, String> defences,
            ThirdPartyCookies thirdPartyCookies,
            String attackerHost,
            Map<String, Outcome> expectedByEngine,
            DecisiveEvidence evidence) {
        this(defences, thirdPartyCookies, attackerHost, expectedByEngine, evidence, null, Map.of());
    }

    /** A case with one expectation for every engine and no evidence check (tests build these). */
    public ScenarioCase(
            Map<String, String> defences, ThirdPartyCookies thirdPartyCookies, String attackerHost, Outcome expected) {
        this(defences, thirdPartyCookies, attackerHost, everyEngine(expected), DecisiveEvidence.NONE);
    }

    public ScenarioCase(Map<String, String> defences, ThirdPartyCookies thirdPartyCookies, Outcome expected) {
        this(defences, thirdPartyCookies, null, expected);
    }

    /** The expectation in Chromium, the engine the lab runs today; null in an exploratory run. */
    public Outcome expected() {
        return expected(Engines.CHROMIUM);
    }

    /** The lesson's expected outcome in {@code engine}, or null when the case expects nothing there. */
    public Outcome expected(String engine) {
        return expectedByEngine.get(engine);
    }

    /** Whether every engine is expected to give the same outcome (the table then shows one). */
    public boolean sameInEveryEngine() {
        return expectedByEngine.values().stream().distinct().count() <= 1;
    }

    /** The conditions in words: {@code attacker on evilsocial.localhost, cors=suffix, third-party cookies allowed}. */
    public String conditions() {
        String granted = permissions.stream()
                .map(permission -> ", " + permission.key() + " granted")
                .collect(Collectors.joining());
        String conditions = conditions(defences, thirdPartyCookies.key(), attackerHost) + granted;
        return then == null ? conditions : conditions + ", " + then.describe();
    }

    static String conditions(Map<String, String> defences, String thirdPartyCookies, String attackerHost) {
        String server = defences.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String browser = "third-party cookies " + thirdPartyCookies;
        String where = attackerHost == null ? "" : "attacker on " + attackerHost + ", ";
        return where + (server.isEmpty() ? browser : server + ", " + browser);
    }

    /** A case to observe without an expectation, as the outcome matrix runs them. */
    public static ScenarioCase probe(Map<String, String> defences, ThirdPartyCookies thirdPartyCookies) {
        return new ScenarioCase(defences, thirdPartyCookies, null, Map.of(), DecisiveEvidence.NONE);
    }

    private static Map<String, Outcome> everyEngine(Outcome expected) {
        if (expected == null) {
            return Map.of();
        }
        Map<String, Outcome> all = new LinkedHashMap<>();
        Engines.ALL.forEach(engine -> all.put(engine, expected));
        return all;
    }
}
