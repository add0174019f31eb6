package lab.scenarios;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lesson's prose as claims about its cases, read by three simple rules (see {@link LessonProseTest}). Only the
 * text outside the generated table and outside code blocks counts; a condition is written as in the table,
 * {@code `key=value`} (in backticks) or {@code third-party cookies allowed|blocked}.
 */
final class LessonProse {

    private static final Pattern GENERATED =
            Pattern.compile("<!-- BEGIN GENERATED.*?<!-- END GENERATED -->", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("```.*?```", Pattern.DOTALL);
    private static final Pattern CONDITION = Pattern.compile("`([a-z][a-z-]*)=([A-Za-z0-9_*.-]+)`");
    private static final Pattern THIRD_PARTY = Pattern.compile("third-party cookies (allowed|blocked)");
    private static final Pattern OUTCOME = Pattern.compile("\\b("
            + String.join(
                    "|", Arrays.stream(Outcome.values()).map(Outcome::name).toList()) + ")\\b");
    /** A sentence ends at . ! ? or : followed by a space and what starts a sentence. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+(?=[A-Z*`(])");

    /**
     * @param conditions each named key with the values named for it (alternatives: {@code `samesite=lax` or
     *                   `samesite=strict`}); keys are defence keys, plus {@code third-party-cookies}
     */
    record Claim(String where, String text, Map<String, Set<String>> conditions, Optional<Outcome> outcome) {}

    private final String lessonId;
    private final String prose;

    LessonProse(String lessonId, String lessonMarkdown) {
        this.lessonId = lessonId;
        this.prose =
                CODE.matcher(GENERATED.matcher(lessonMarkdown).replaceAll("")).replaceAll("");
    }

    /** Rule 1: every sentence that names exactly one outcome, with the conditions it names (maybe none). */
    List<Claim> outcomeSentences() {
        List<Claim> claims = new ArrayList<>();
        for (String paragraph : paragraphs(prose)) {
            for (String sentence : SENTENCE_END.split(paragraph)) {
                List<Outcome> outcomes = OUTCOME.matcher(sentence)
                        .results()
                        .map(m -> Outcome.valueOf(m.group(1)))
                        .distinct()
                        .toList();
                if (outcomes.size() == 1) {
                    claims.add(new Claim(lessonId, sentence, conditions(sentence), Optional.of(outcomes.get(0))));
                }
            }
        }
        return claims;
    }

    /**
     * Rules 2 and 3: each condition named in the head of a bullet (the text before its first colon, usually in
     * bold) under the heading {@code heading}, one claim per condition.
     */
    List<Claim> bulletConditions(String heading) {
        List<Claim> claims = new ArrayList<>();
        for (String section : prose.split("\n(?=## )")) {
            if (!section.startsWith("## " + heading + "\n")) {
                continue;
            }
            for (String bullet : section.split("\n(?=- )")) {
                if (!bullet.startsWith("- ")) {
                    continue;
                }
                String head = bullet.split(":", 2)[0];
                conditions(head)
                        .forEach((key, values) -> values.forEach(value -> claims.add(new Claim(
                                lessonId + ", \"" + heading + "\"",
                                oneLine(head),
                                Map.of(key, Set.of(value)),
                                Optional.empty()))));
            }
        }
        return claims;
    }

    private static Map<String, Set<String>> conditions(String text) {
        Map<String, Set<String>> conditions = new LinkedHashMap<>();
        Matcher condition = CONDITION.matcher(text);
        while (condition.find()) {
            conditions
                    .computeIfAbsent(condition.group(1), k -> new LinkedHashSet<>())
                    .add(condition.group(2));
        }
        Matcher thirdParty = THIRD_PARTY.matcher(text);
        while (thirdParty.find()) {
            conditions
                    .computeIfAbsent("third-party-cookies", k -> new LinkedHashSet<>())
                    .add(thirdParty.group(1));
        }
        return conditions;
    }

    /** Paragraphs and list items, each on one line. */
    private static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\n\\s*\n|\n(?=- |\\d+\\. )"))
                .map(LessonProse::oneLine)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
