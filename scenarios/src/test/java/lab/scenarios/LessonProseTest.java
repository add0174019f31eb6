package lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A lesson's prose and its generated outcome table must not tell different stories. The prose is read by three
 * simple rules ({@link LessonProse}); each claim is checked against the cases of the lesson's own
 * {@code scenario.json}, in every engine a case names (so a Firefox difference fails a sentence that
 * generalises):
 *
 * <ol>
 *   <li>A sentence naming exactly one outcome constant ({@code STOLEN}, {@code READ_BLOCKED}, ...) and one or more
 *   conditions ({@code `cors=reflect`}, {@code third-party cookies blocked}): at least one case has all those
 *   conditions (two values of one key are alternatives), and every such case expects that outcome. With no condition, the sentence is a claim only when it
 *   says "every time" or "every case": then every case of the lesson expects that outcome.</li>
 *   <li>A condition in the head of a bullet under "What closes it": no case with that condition expects the attack
 *   to get anything private or change anything ({@code STOLEN}, {@code ACTION_PERFORMED}).</li>
 *   <li>A condition in the head of a bullet under "What does not close it": some case with that condition expects
 *   the attacker to get what it came for ({@code STOLEN}, {@code ACTION_PERFORMED}, {@code PUBLIC_READ}).</li>
 * </ol>
 *
 * Rules 2 and 3 skip a condition no case of the lesson has (the lesson then cites it, not measures it).
 */
class LessonProseTest {

    private static final Path SOURCES = Path.of("src/main/resources/scenarios");
    private static final Set<Outcome> ATTACK_WORKED = Set.of(Outcome.STOLEN, Outcome.ACTION_PERFORMED);
    private static final Set<Outcome> ATTACKER_GOT_SOMETHING =
            Set.of(Outcome.STOLEN, Outcome.ACTION_PERFORMED, Outcome.PUBLIC_READ);

    private final List<String> contradictions = new ArrayList<>();
    private int claimsChecked;

    @Test
    void every_lesson_s_prose_names_the_outcomes_its_scenario_json_expects() throws IOException {
        for (Scenario scenario : ScenarioCatalogue.load().all()) {
            LessonProse prose = new LessonProse(scenario.id(), lesson(scenario));
            prose.outcomeSentences().forEach(claim -> checkOutcomeSentence(scenario, claim));
            prose.bulletConditions("What closes it")
                    .forEach(claim -> checkBullet(scenario, claim, o -> !ATTACK_WORKED.contains(o), true));
            prose.bulletConditions("What does not close it")
                    .forEach(claim -> checkBullet(scenario, claim, ATTACKER_GOT_SOMETHING::contains, false));
        }
        assertThat(contradictions)
                .as("lesson prose that contradicts its scenario.json (the generated table)")
                .isEmpty();
        // The rules must keep finding claims: a parser that finds none would pass every lesson.
        assertThat(claimsChecked).as("claims checked across the catalogue").isGreaterThanOrEqualTo(20);
    }

    private void checkOutcomeSentence(Scenario scenario, LessonProse.Claim claim) {
        Outcome said = claim.outcome().orElseThrow();
        List<ScenarioCase> cases;
        if (claim.conditions().isEmpty()) {
            String text = claim.text().toLowerCase();
            if (!text.contains("every time") && !text.contains("every case")) {
                return;
            }
            cases = scenario.cases();
        } else {
            cases = matching(scenario, claim.conditions());
        }
        claimsChecked++;
        if (cases.isEmpty()) {
            contradict(claim, "no case has " + claim.conditions());
        }
        for (ScenarioCase c : cases) {
            List<String> others = expectations(c, outcome -> outcome != said);
            if (!others.isEmpty()) {
                contradict(claim, "says " + said + ", but " + String.join("; ", others));
            }
        }
    }

    private void checkBullet(
            Scenario scenario, LessonProse.Claim claim, Predicate<Outcome> fits, boolean everyCaseMustFit) {
        List<ScenarioCase> cases = matching(scenario, claim.conditions());
        if (cases.isEmpty()) {
            return;
        }
        claimsChecked++;
        List<String> misfits = new ArrayList<>();
        boolean anyFits = false;
        for (ScenarioCase c : cases) {
            anyFits |= c.expectedByEngine().values().stream().anyMatch(fits);
            misfits.addAll(expectations(c, fits.negate()));
        }
        if (everyCaseMustFit && !misfits.isEmpty()) {
            contradict(claim, "names it as closing the attack, but " + String.join("; ", misfits));
        }
        if (!everyCaseMustFit && !anyFits) {
            contradict(
                    claim,
                    "names it as not closing the attack, but every case is stopped: " + String.join("; ", misfits));
        }
    }

    /**
     * The case's expectations that match {@code selected}, in words: one for every engine when they agree, else
     * one per engine.
     */
    private static List<String> expectations(ScenarioCase c, Predicate<Outcome> selected) {
        if (c.sameInEveryEngine()) {
            Outcome outcome = c.expected();
            return outcome != null && selected.test(outcome)
                    ? List.of("(" + c.conditions() + ") expects " + outcome)
                    : List.of();
        }
        return c.expectedByEngine().entrySet().stream()
                .filter(e -> selected.test(e.getValue()))
                .map(e -> "(" + c.conditions() + ") expects " + e.getValue() + " in " + e.getKey())
                .toList();
    }

    /** The cases whose explicit conditions include all of {@code conditions}, as the table lists them. */
    private static List<ScenarioCase> matching(Scenario scenario, Map<String, Set<String>> conditions) {
        return scenario.cases().stream()
                .filter(c -> conditions.entrySet().stream()
                        .allMatch(e -> e.getValue().contains(valueIn(c, e.getKey()))))
                .toList();
    }

    /** The case's value for {@code key}, or "" when the case does not name that defence. */
    private static String valueIn(ScenarioCase c, String key) {
        return key.equals("third-party-cookies")
                ? c.thirdPartyCookies().key()
                : c.defences().getOrDefault(key, "");
    }

    private void contradict(LessonProse.Claim claim, String problem) {
        contradictions.add(claim.where() + ": \"" + claim.text() + "\" " + problem);
    }

    private static String lesson(Scenario scenario) throws IOException {
        return Files.readString(SOURCES.resolve(scenario.id()).resolve("lesson.md"), StandardCharsets.UTF_8);
    }
}
