package lab.scenarios;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome table of a lesson, generated from its {@code scenario.json} so that the two never disagree. In
 * {@code lesson.md} it sits between {@link #BEGIN} and {@link #END}; {@code LessonTablesTest} fails when a
 * lesson's section differs, and rewrites every section when run with {@code -Dlessons.write=true}.
 */
public final class LessonTable {

    public static final String BEGIN =
            "<!-- BEGIN GENERATED: outcome table from scenario.json; do not edit (regenerate: mvn -o -pl scenarios"
                    + " test -Dtest=LessonTablesTest -Dlessons.write=true) -->";
    public static final String END = "<!-- END GENERATED -->";

    private LessonTable() {}

    /** The whole generated section, markers included, ending with a newline. */
    public static String section(Scenario scenario) {
        StringBuilder table = new StringBuilder();
        table.append(BEGIN).append('\n');
        table.append("| conditions | expected outcome | decisive evidence (checked in every run) |\n");
        table.append("|---|---|---|\n");
        for (ScenarioCase scenarioCase : scenario.cases()) {
            String evidence = evidence(scenarioCase);
            String note = scenarioCase.evidence().note();
            if (note != null) {
                note = Character.toUpperCase(note.charAt(0)) + note.substring(1);
                evidence = evidence.isEmpty() ? note : evidence + ". " + note;
            }
            table.append("| ")
                    .append(cell(scenarioCase.conditions()))
                    .append(" | ")
                    .append(cell(expected(scenarioCase)))
                    .append(" | ")
                    .append(cell(evidence))
                    .append(" |\n");
        }
        table.append(END).append('\n');
        return table.toString();
    }

    /** The shared evidence, then each engine's own where the case states one: {@code ...; in Firefox: ...}. */
    static String evidence(ScenarioCase scenarioCase) {
        String evidence = String.join("; ", scenarioCase.evidence().describeEveryEngine());
        for (String engine : Engines.ALL) {
            if (scenarioCase.evidenceIn().containsKey(engine)) {
                evidence = evidence + (evidence.isEmpty() ? "" : ". ") + "In " + Engines.displayName(engine) + ": "
                        + String.join("; ", scenarioCase.evidence(engine).describe(engine));
            }
        }
        return evidence;
    }

    /**
     * One outcome when every engine agrees, else each engine's: {@code chromium: COOKIE_WITHHELD, firefox: STOLEN};
     * then each engine the case does not apply to: {@code ; not applicable in Firefox (reason)}.
     */
    static String expected(ScenarioCase scenarioCase) {
        List<String> applicable = Engines.ALL.stream()
                .filter(engine -> scenarioCase.notApplicableIn(engine) == null)
                .toList();
        String expected = scenarioCase.sameInEveryEngine()
                ? String.valueOf(scenarioCase.expected(applicable.get(0)))
                : applicable.stream()
                                .map(engine -> engine + ": " + scenarioCase.expected(engine))
                                .collect(Collectors.joining(", "))
                        + " (" + scenarioCase.whyEnginesDiffer() + ")";
        for (String engine : Engines.ALL) {
            if (scenarioCase.notApplicableIn(engine) != null) {
                expected += "; not applicable in " + Engines.displayName(engine) + " ("
                        + scenarioCase.notApplicableIn(engine) + ")";
            }
        }
        return expected;
    }

    /**
     * {@code lesson} with its generated section replaced by {@code section}.
     *
     * @throws IllegalArgumentException when the lesson has no generated section
     */
    public static String replaceSection(String lesson, String section) {
        int begin = lesson.indexOf("<!-- BEGIN GENERATED");
        int end = lesson.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no generated section (" + BEGIN + " ... " + END + ")");
        }
        int after = end + END.length();
        if (after < lesson.length() && lesson.charAt(after) == '\n') {
            after++;
        }
        return lesson.substring(0, begin) + section + lesson.substring(after);
    }

    /** {@code lesson} with the marker lines of its generated section removed. */
    public static String withoutMarkers(String lesson) {
        return lesson.lines()
                .filter(line -> !line.startsWith("<!-- BEGIN GENERATED") && !line.equals(END))
                .collect(Collectors.joining("\n", "", lesson.endsWith("\n") ? "\n" : ""));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
