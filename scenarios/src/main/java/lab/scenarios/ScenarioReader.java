package lab.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one {@code scenario.json} into a {@link Scenario}, checking every field on the way. A mistake fails with
 * a message naming the file, the case (its number and conditions) and the field, so that a typo in a lesson's
 * data breaks the build and {@code ./lab list} at once instead of a run later.
 */
final class ScenarioReader {

    private static final Set<String> SCENARIO_FIELDS = Set.of(
            "id",
            "title",
            "story",
            "steps",
            "kind",
            "page",
            "attackerHost",
            "target",
            "matrix",
            "aliceAnswers",
            "canSucceed",
            "notApplicable",
            "cases",
            "alicePostsNext");
    private static final Set<String> CASE_FIELDS = Set.of(
            "defences",
            "thirdPartyCookies",
            "attackerHost",
            "permissions",
            "expected",
            "whyEnginesDiffer",
            "notApplicable",
            "evidence",
            "evidenceIn",
            "then");
    private static final Set<String> SWITCH_FIELDS = Set.of("after", "defences");
    /** A step name a page reports with lab.pause(): lower case words and dashes. */
    private static final Pattern STEP = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** What Alice writes next: one line of plain text, as short as Flock's post box allows. */
    private static final int MAX_POST_LENGTH = 500;

    private static final Set<String> TARGET_FIELDS = Set.of("method", "path");
    private static final Set<String> SEC_FETCH_SITES = Set.of("same-origin", "same-site", "cross-site", "none");
    /** Only {@code *.localhost} names reach the lab's loopback servers without any DNS or hosts-file change. */
    private static final Pattern HOST = Pattern.compile("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)*localhost");

    private static final Pattern ORIGIN = Pattern.compile("https?://" + HOST.pattern());

    private final String file;
    private final DefenceVocabulary vocabulary;

    ScenarioReader(String file, DefenceVocabulary vocabulary) {
        this.file = file;
        this.vocabulary = vocabulary;
    }

    Scenario read(JsonNode root) {
        Where top = new Where(file);
        requireObject(top, "", root);
        knownFields(top, "", root, SCENARIO_FIELDS);
        List<String> matrix = root.has("matrix") ? strings(top, "matrix", root.get("matrix")) : null;
        if (matrix != null) {
            for (String defence : matrix) {
                if (!vocabulary.knows(defence)) {
                    throw top.fail("matrix", "unknown defence '" + defence + "'");
                }
            }
        }
        String attackerHost = optionalText(top, "attackerHost", root);
        if (attackerHost != null) {
            host(top, "attackerHost", attackerHost);
        }
        JsonNode casesNode = root.get("cases");
        if (casesNode == null || !casesNode.isArray() || casesNode.isEmpty()) {
            throw top.fail("cases", "a scenario needs at least one case");
        }
        // An engine that cannot express the whole lesson (a mechanism only another engine has) says so once here.
        Map<String, String> notApplicable =
                ExpectationReader.notApplicable(top, "notApplicable", root.get("notApplicable"));
        List<ScenarioCase> cases = new ArrayList<>();
        for (int i = 0; i < casesNode.size(); i++) {
            cases.add(readCase(i + 1, casesNode.get(i), notApplicable));
        }
        AttackKind kind = parse(top, "kind", () -> AttackKind.parse(requiredText(top, "kind", root)));
        JsonNode canSucceed = root.get("canSucceed");
        if (canSucceed != null && !canSucceed.isBoolean()) {
            throw top.fail("canSucceed", "expected true or false");
        }
        String alicePostsNext = optionalText(top, "alicePostsNext", root);
        if (alicePostsNext != null
                && (alicePostsNext.isBlank()
                        || alicePostsNext.length() > MAX_POST_LENGTH
                        || alicePostsNext.contains("\n"))) {
            throw top.fail(
                    "alicePostsNext",
                    "expected one line of at most " + MAX_POST_LENGTH + " characters that Alice posts");
        }
        return new Scenario(
                requiredText(top, "id", root),
                requiredText(top, "title", root),
                requiredText(top, "story", root),
                root.has("steps") ? strings(top, "steps", root.get("steps")) : null,
                kind,
                requiredText(top, "page", root),
                attackerHost,
                target(top, root.get("target")),
                matrix,
                root.has("aliceAnswers") ? textMap(top, "aliceAnswers", root.get("aliceAnswers")) : null,
                // A public-data lesson has nothing private to steal by its very kind.
                canSucceed == null ? kind != AttackKind.PUBLIC : canSucceed.booleanValue(),
                cases,
                alicePostsNext);
    }

    private ScenarioCase readCase(int number, JsonNode node, Map<String, String> scenarioNotApplicable) {
        Where where = new Where(file + ": case " + number + " (" + rawConditions(node) + ")");
        requireObject(where, "", node);
        knownFields(where, "", node, CASE_FIELDS);
        JsonNode defencesNode = node.get("defences");
        Map<String, String> defences = defencesNode == null ? Map.of() : textMap(where, "defences", defencesNode);
        defences.forEach((defence, value) -> parse(where, "defences." + defence, () -> {
            vocabulary.validate(defence, value);
            return null;
        }));
        ThirdPartyCookies thirdPartyCookies = parse(
                where,
                "thirdPartyCookies",
                () -> ThirdPartyCookies.parse(requiredText(where, "thirdPartyCookies", node)));
        String attackerHost = optionalText(where, "attackerHost", node);
        if (attackerHost != null) {
            host(where, "attackerHost", attackerHost);
        }
        List<BrowserPermission> permissions = new ArrayList<>();
        if (node.has("permissions")) {
            for (String key : strings(where, "permissions", node.get("permissions"))) {
                BrowserPermission permission = parse(where, "permissions", () -> BrowserPermission.parse(key));
                if (permissions.contains(permission)) {
                    throw where.fail("permissions", "'" + key + "' is listed twice");
                }
                permissions.add(permission);
            }
        }
        ExpectationReader.Expectations expectations = new ExpectationReader(where).read(node, scenarioNotApplicable);
        DecisiveEvidence evidence = new EvidenceReader(where, vocabulary).read(node.get("evidence"));
        Map<String, DecisiveEvidence> evidenceIn = new LinkedHashMap<>();
        JsonNode evidenceInNode = node.get("evidenceIn");
        if (evidenceInNode != null) {
            requireObject(where, "evidenceIn", evidenceInNode);
            engines(where, "evidenceIn", evidenceInNode);
            evidenceInNode
                    .properties()
                    .forEach(entry -> evidenceIn.put(
                            entry.getKey(), new EvidenceReader(where, vocabulary).read(entry.getValue())));
        }
        return new ScenarioCase(
                defences,
                thirdPartyCookies,
                attackerHost,
                expectations.expected(),
                evidence,
                expectations.whyEnginesDiffer(),
                evidenceIn,
                expectations.notApplicable(),
                caseSwitch(where, node.get("then")),
                permissions);
    }

    /** A case's {@code then}: the step after which the lab changes the defences, and the change. */
    private CaseSwitch caseSwitch(Where where, JsonNode node) {
        if (node == null) {
            return null;
        }
        requireObject(where, "then", node);
        knownFields(where, "then.", node, SWITCH_FIELDS);
        String after = requiredText(where, "then.after", node.get("after"), node);
        if (!STEP.matcher(after).matches()) {
            throw where.fail("then.after", "'" + after + "' is not a step name (lower case words and dashes)");
        }
        JsonNode defencesNode = node.get("defences");
        if (defencesNode == null || !defencesNode.isObject() || defencesNode.isEmpty()) {
            throw where.fail("then.defences", "expected the defences to change, such as {\"cors\": \"allowlist\"}");
        }
        Map<String, String> defences = textMap(where, "then.defences", defencesNode);
        defences.forEach((defence, value) -> parse(where, "then.defences." + defence, () -> {
            vocabulary.validate(defence, value);
            return null;
        }));
        return new CaseSwitch(after, defences);
    }

    static Outcome outcome(Where where, String field, String text) {
        for (Outcome outcome : Outcome.values()) {
            if (written(outcome) && outcome.name().equals(text)) {
                return outcome;
            }
        }
        List<String> names = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            if (written(outcome)) {
                names.add(outcome.name());
            }
        }
        String hint = text.equals(Outcome.NOT_APPLICABLE.name())
                ? " (an engine that cannot express the case goes in notApplicable, with its reason)"
                : "";
        throw where.fail(field, "unknown outcome '" + text + "'; expected one of: " + String.join(", ", names) + hint);
    }

    /** ERROR and NOT_APPLICABLE are what a run reports, never what a lesson expects. */
    private static boolean written(Outcome outcome) {
        return outcome != Outcome.ERROR && outcome != Outcome.NOT_APPLICABLE;
    }

    static void engines(Where where, String field, JsonNode node) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String engine = names.next();
            if (!Engines.ALL.contains(engine)) {
                throw where.fail(
                        field, "unknown engine '" + engine + "'; expected one of: " + String.join(", ", Engines.ALL));
            }
        }
    }

    private static Target target(Where where, JsonNode node) {
        if (node == null) {
            throw where.fail("target", "missing: the victim request that decides each case");
        }
        requireObject(where, "target", node);
        knownFields(where, "target.", node, TARGET_FIELDS);
        return new Target(
                requiredText(where, "target.method", node.get("method"), node),
                requiredText(where, "target.path", node.get("path"), node));
    }

    private static void host(Where where, String field, String host) {
        if (!HOST.matcher(host).matches()) {
            throw where.fail(field, "'" + host + "' is not a host name under localhost (such as evil.localhost)");
        }
    }

    static boolean isOrigin(String text) {
        return ORIGIN.matcher(text).matches();
    }

    static boolean isSecFetchSite(String text) {
        return SEC_FETCH_SITES.contains(text);
    }

    private static String rawConditions(JsonNode node) {
        if (node == null || !node.isObject()) {
            return "not an object";
        }
        Map<String, String> defences = new LinkedHashMap<>();
        JsonNode defencesNode = node.path("defences");
        defencesNode
                .fields()
                .forEachRemaining(e -> defences.put(e.getKey(), e.getValue().asText()));
        String host =
                node.path("attackerHost").isTextual() ? node.get("attackerHost").asText() : null;
        return ScenarioCase.conditions(defences, node.path("thirdPartyCookies").asText("?"), host);
    }

    static void requireObject(Where where, String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw where.fail(field.isEmpty() ? "(top)" : field, "expected a JSON object");
        }
    }

    static void knownFields(Where where, String prefix, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw where.fail(
                        prefix + name,
                        "unknown property; expected one of: "
                                + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static String requiredText(Where where, String field, JsonNode parent) {
        return requiredText(where, field, parent.get(field), parent);
    }

    private static String requiredText(Where where, String field, JsonNode value, JsonNode parent) {
        if (value == null || value.isNull()) {
            throw where.fail(field, "missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw where.fail(field, "expected a non-empty string");
        }
        return value.asText();
    }

    static String optionalText(Where where, String field, JsonNode parent) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw where.fail(field, "expected a string");
        }
        return value.asText();
    }

    private static List<String> strings(Where where, String field, JsonNode node) {
        if (!node.isArray()) {
            throw where.fail(field, "expected a list of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw where.fail(field, "expected a list of strings");
            }
            list.add(item.asText());
        }
        return list;
    }

    private static Map<String, String> textMap(Where where, String field, JsonNode node) {
        requireObject(where, field, node);
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (!entry.getValue().isTextual()) {
                throw where.fail(field + "." + entry.getKey(), "expected a string");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }

    /** Runs a parse step, turning its IllegalArgumentException into an error that names file, case and field. */
    static <T> T parse(Where where, String field, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw where.fail(field, e.getMessage());
        }
    }

    /** The place an error is reported at: the file, and the case when there is one. */
    record Where(String place) {
        IllegalStateException fail(String field, String message) {
            return new IllegalStateException(place + ": " + field + ": " + message);
        }
    }
}
