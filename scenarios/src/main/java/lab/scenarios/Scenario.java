package lab.scenarios;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lesson: a short story, the steps it goes through, the attacker page it needs, the request that decides
 * it, and the cases to run, each with its expected outcome.
 *
 * @param kind         what the attacker is after, which decides how evidence is read
 * @param page         the attacker's page: a file name inside the scenario's folder, or
 *                     {@code other-scenario/file.html} to reuse another scenario's page
 * @param attackerHost host name the page is opened under (default {@code evil.localhost});
 *                     {@code rebind.localhost} goes through the DNS-rebinding forwarder
 * @param target       the victim request whose journal entry decides each case
 * @param matrix       the defences whose every value the outcome matrix crosses (default {@code cors, samesite})
 * @param aliceAnswers what Alice types when the page asks her something ({@code lab.ask('password')}): question
 *                     to answer; the runner fills the page's {@code #lab-QUESTION} field and presses {@code #lab-submit}
 * @param canSucceed   false for a lesson that shows the attack never gets anything private, under any defences
 *                     (default: true unless the kind is {@code public}; the lesson then has a case where the attack works and one where it is stopped)
 * @param alicePostsNext what Alice writes in Flock's post box once the attacker's page is done, or null when she
 *                     writes nothing (login CSRF: in whose account does it land?)
 */
public record Scenario(
        String id,
        String title,
        String story,
        List<String> steps,
        AttackKind kind,
        String page,
        String attackerHost,
        Target target,
        List<String> matrix,
        Map<String, String> aliceAnswers,
        boolean canSucceed,
        List<ScenarioCase> cases,
        String alicePostsNext) {

    public static final String DEFAULT_ATTACKER_HOST = "evil.localhost";
    public static final List<String> DEFAULT_MATRIX = List.of("cors", "samesite");

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(target, "target");
        attackerHost = Objects.requireNonNullElse(attackerHost, DEFAULT_ATTACKER_HOST);
        steps = List.copyOf(Objects.requireNonNullElse(steps, List.of()));
        cases = List.copyOf(Objects.requireNonNullElse(cases, List.of()));
        matrix = List.copyOf(Objects.requireNonNullElse(matrix, DEFAULT_MATRIX));
        aliceAnswers = Map.copyOf(Objects.requireNonNullElse(aliceAnswers, Map.of()));
    }

    /** A scenario after which Alice writes nothing. */
    public Scenario(
            String id,
            String title,
            String story,
            List<String> steps,
            AttackKind kind,
            String page,
            String attackerHost,
            Target target,
            List<String> matrix,
            Map<String, String> aliceAnswers,
            boolean canSucceed,
            List<ScenarioCase> cases) {
        this(id, title, story, steps, kind, page, attackerHost, target, matrix, aliceAnswers, canSucceed, cases, null);
    }

    /** The page as {@code scenario-id/file}, the path under which the attacker site serves it. */
    public String pagePath() {
        return page.contains("/") ? page : id + "/" + page;
    }

    /** Where the attacker's page lives in {@code scenarioCase}. */
    public String attackerHostFor(ScenarioCase scenarioCase) {
        return scenarioCase.attackerHost() == null ? attackerHost : scenarioCase.attackerHost();
    }

    /**
     * Why {@code scenarioCase} cannot be expressed in {@code engine}, or null when it can: its own
     * {@code notApplicable}, or for a case the lesson does not list (the outcome matrix's, the console's) that of
     * the listed case with the same conditions, or the reason every listed case shares (a lesson that rests
     * wholly on another engine's mechanism).
     */
    public String notApplicableIn(ScenarioCase scenarioCase, String engine) {
        String own = scenarioCase.notApplicableIn(engine);
        if (own != null || cases.contains(scenarioCase)) {
            return own;
        }
        for (ScenarioCase listed : cases) {
            if (listed.defences().equals(scenarioCase.defences())
                    && listed.thirdPartyCookies() == scenarioCase.thirdPartyCookies()
                    && Objects.equals(listed.attackerHost(), scenarioCase.attackerHost())) {
                return listed.notApplicableIn(engine);
            }
        }
        List<String> reasons = cases.stream()
                .map(listed -> listed.notApplicableIn(engine))
                .distinct()
                .toList();
        return reasons.size() == 1 ? reasons.get(0) : null;
    }

    /** The name a case goes by in reports and test lists: {@code cookie-theft: cors=off, ... -> READ_BLOCKED}. */
    public String caseName(ScenarioCase scenarioCase) {
        return id + ": " + scenarioCase.conditions() + " -> " + scenarioCase.expected();
    }
}
