package lab.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import lab.scenarios.ScenarioReader.Where;

/**
 * Reads what a case expects of each engine: {@code expected} (one outcome, or one per engine),
 * {@code whyEnginesDiffer}, and {@code notApplicable}, the engines that cannot express the case at all (a
 * mechanism only another engine has), each with its reason. Every engine is either expected something or not
 * applicable, never both and never neither.
 */
final class ExpectationReader {

    /** A case's expectations per engine, its reason for any difference, and the engines it does not apply to. */
    record Expectations(Map<String, Outcome> expected, String whyEnginesDiffer, Map<String, String> notApplicable) {}

    private final Where where;

    ExpectationReader(Where where) {
        this.where = where;
    }

    /**
     * @param node             the case
     * @param scenarioWide     the scenario's own {@code notApplicable}, which every case inherits
     */
    Expectations read(JsonNode node, Map<String, String> scenarioWide) {
        Map<String, String> notApplicable = new LinkedHashMap<>(scenarioWide);
        notApplicable.putAll(notApplicable(where, "notApplicable", node.get("notApplicable")));
        if (notApplicable.keySet().containsAll(Engines.ALL)) {
            throw where.fail(
                    "notApplicable", "every engine is marked not applicable; a case must run in at least one engine");
        }
        Map<String, Outcome> expected = expected(node.get("expected"), notApplicable);
        String whyEnginesDiffer = ScenarioReader.optionalText(where, "whyEnginesDiffer", node);
        boolean differ = expected.values().stream().distinct().count() > 1;
        if (differ && whyEnginesDiffer == null) {
            throw where.fail(
                    "whyEnginesDiffer",
                    "missing: the engines' expectations differ, so say why in a few"
                            + " words (the run's list of disagreements quotes them)");
        }
        if (!differ && whyEnginesDiffer != null) {
            throw where.fail(
                    "whyEnginesDiffer", "every engine expects the same outcome here, so there is nothing to explain");
        }
        JsonNode evidenceIn = node.get("evidenceIn");
        if (evidenceIn != null && evidenceIn.isObject()) {
            for (Iterator<String> names = evidenceIn.fieldNames(); names.hasNext(); ) {
                String engine = names.next();
                if (notApplicable.containsKey(engine)) {
                    throw where.fail(
                            "evidenceIn." + engine,
                            "the case is not applicable in " + engine + ", so it has no evidence");
                }
            }
        }
        return new Expectations(expected, whyEnginesDiffer, notApplicable);
    }

    /** {@code {"firefox": "reason"}}: known engines, each with a reason in words; empty when absent. */
    static Map<String, String> notApplicable(Where where, String field, JsonNode node) {
        Map<String, String> reasons = new LinkedHashMap<>();
        if (node == null) {
            return reasons;
        }
        ScenarioReader.requireObject(where, field, node);
        ScenarioReader.engines(where, field, node);
        node.properties().forEach(entry -> {
            JsonNode reason = entry.getValue();
            if (!reason.isTextual() || reason.asText().isBlank()) {
                throw where.fail(
                        field + "." + entry.getKey(),
                        "expected the reason in words (reports quote it), for example \"a Chromium-only permission\"");
            }
            reasons.put(entry.getKey(), reason.asText());
        });
        return reasons;
    }

    private Map<String, Outcome> expected(JsonNode node, Map<String, String> notApplicable) {
        if (node == null) {
            throw where.fail("expected", "missing: every case states the outcome the lesson expects");
        }
        Map<String, Outcome> byEngine = new LinkedHashMap<>();
        if (node.isTextual()) {
            Outcome outcome = ScenarioReader.outcome(where, "expected", node.asText());
            Engines.ALL.stream()
                    .filter(engine -> !notApplicable.containsKey(engine))
                    .forEach(engine -> byEngine.put(engine, outcome));
            return byEngine;
        }
        ScenarioReader.requireObject(where, "expected", node);
        ScenarioReader.engines(where, "expected", node);
        for (String engine : Engines.ALL) {
            JsonNode value = node.get(engine);
            if (notApplicable.containsKey(engine)) {
                if (value != null) {
                    throw where.fail(
                            "expected." + engine,
                            "the case is not applicable in " + engine + " (notApplicable), so it expects no outcome"
                                    + " there");
                }
                continue;
            }
            if (value == null) {
                throw where.fail(
                        "expected",
                        "no outcome for engine '" + engine + "'; a per-engine expectation names every engine: "
                                + String.join(", ", Engines.ALL) + " (or the engine is listed in notApplicable)");
            }
            if (!value.isTextual()) {
                throw where.fail("expected." + engine, "expected an outcome name");
            }
            byEngine.put(engine, ScenarioReader.outcome(where, "expected." + engine, value.asText()));
        }
        return byEngine;
    }
}
