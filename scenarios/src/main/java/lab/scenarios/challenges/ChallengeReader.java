package lab.scenarios.challenges;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import lab.scenarios.DefenceVocabulary;
import lab.scenarios.ThirdPartyCookies;

/** Reads one {@code challenge.json} field by field; every problem names the file and the field. */
final class ChallengeReader {

    private static final Set<String> FIELDS =
            Set.of("id", "kind", "title", "brief", "conditions", "goal", "hints", "solution", "attacks", "legitimate");
    private static final Set<String> CONDITION_FIELDS = Set.of("defences", "thirdPartyCookies");
    private static final Set<String> ATTACK_SOLUTION_FIELDS = Set.of("file", "host");
    private static final Set<String> DEFEND_SOLUTION_FIELDS = Set.of("defences");

    private final String file;
    private final DefenceVocabulary vocabulary;
    private final Predicate<String> scenarioExists;

    ChallengeReader(String file, DefenceVocabulary vocabulary, Predicate<String> scenarioExists) {
        this.file = file;
        this.vocabulary = vocabulary;
        this.scenarioExists = scenarioExists;
    }

    Challenge read(JsonNode node) {
        object("(top)", node);
        known("", node, FIELDS);
        String id = text("id", node);
        ChallengeKind kind = parse("kind", () -> switch (text("kind", node)) {
            case "attack" -> ChallengeKind.ATTACK;
            case "defend" -> ChallengeKind.DEFEND;
            default -> throw new IllegalArgumentException("expected attack or defend");
        });
        String title = text("title", node);
        String brief = text("brief", node);

        JsonNode conditions = node.get("conditions");
        object("conditions", conditions);
        known("conditions.", conditions, CONDITION_FIELDS);
        Map<String, String> defences = defences("conditions.defences", conditions.get("defences"));
        ThirdPartyCookies cookies = parse(
                "conditions.thirdPartyCookies",
                () -> ThirdPartyCookies.parse(text("conditions.thirdPartyCookies", conditions)));

        List<String> hints = strings("hints", node.get("hints"));
        if (hints.isEmpty()) {
            throw fail("hints", "give at least one hint");
        }
        JsonNode solution = node.get("solution");
        object("solution", solution);
        if (kind == ChallengeKind.ATTACK) {
            for (String field : List.of("attacks", "legitimate")) {
                if (node.has(field)) {
                    throw fail(field, "only a defend challenge lists " + field);
                }
            }
            Goal goal = parse("goal", () -> Goal.parse(text("goal", node)));
            known("solution.", solution, ATTACK_SOLUTION_FIELDS);
            String solutionFile = text("solution.file", solution);
            String host = parse("solution.host", () -> ExploitHosts.check(text("solution.host", solution)));
            return new Challenge(
                    id,
                    kind,
                    title,
                    brief,
                    defences,
                    cookies,
                    goal,
                    hints,
                    solutionFile,
                    host,
                    Map.of(),
                    List.of(),
                    List.of());
        }
        if (node.has("goal")) {
            throw fail("goal", "a defend challenge's goal is its attacks and legitimate uses");
        }
        known("solution.", solution, DEFEND_SOLUTION_FIELDS);
        Map<String, String> solutionDefences = defences("solution.defences", solution.get("defences"));
        List<String> attacks = strings("attacks", node.get("attacks"));
        if (attacks.isEmpty()) {
            throw fail("attacks", "list at least one scenario whose attacks must fail");
        }
        for (String scenario : attacks) {
            if (!scenarioExists.test(scenario)) {
                throw fail("attacks", "no scenario '" + scenario + "' in the catalogue");
            }
        }
        List<LegitimateUse> legitimate = new ArrayList<>();
        for (String use : strings("legitimate", node.get("legitimate"))) {
            legitimate.add(parse("legitimate", () -> LegitimateUse.parse(use)));
        }
        return new Challenge(
                id,
                kind,
                title,
                brief,
                defences,
                cookies,
                null,
                hints,
                null,
                null,
                solutionDefences,
                attacks,
                legitimate);
    }

    private Map<String, String> defences(String field, JsonNode node) {
        object(field, node);
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String key = field + "." + entry.getKey();
            String value = value(key, entry.getValue());
            parse(key, () -> {
                vocabulary.validate(entry.getKey(), value);
                return null;
            });
            map.put(entry.getKey(), value);
        }
        return map;
    }

    private List<String> strings(String field, JsonNode node) {
        if (node == null || !node.isArray()) {
            throw fail(field, "expected a list of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : node) {
            list.add(value(field, item));
        }
        return list;
    }

    /** The non-empty string at {@code field} of {@code parent} (the field's last segment names it there). */
    private String text(String field, JsonNode parent) {
        return value(field, parent.get(field.substring(field.lastIndexOf('.') + 1)));
    }

    /** {@code value} itself, which must be a non-empty string. */
    private String value(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            throw fail(field, "missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw fail(field, "expected a non-empty string");
        }
        return value.asText();
    }

    private void object(String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw fail(field, node == null ? "missing" : "expected a JSON object");
        }
    }

    private void known(String prefix, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw fail(
                        prefix + name,
                        "unknown property; expected one of: "
                                + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private <T> T parse(String field, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw fail(field, e.getMessage());
        }
    }

    private IllegalStateException fail(String field, String message) {
        return new IllegalStateException(file + ": " + field + ": " + message);
    }
}
