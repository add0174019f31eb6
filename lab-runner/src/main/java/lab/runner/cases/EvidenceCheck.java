package lab.runner.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import lab.scenarios.DecisiveEvidence;
import lab.scenarios.ScenarioCase;
import lab.victim.journal.JournalEntry;

/**
 * Compares a case's decisive evidence (what its {@code scenario.json} says must be seen) with what the browser,
 * the victim's journal and the attacker's loot recorded. An outcome reached for another reason than the
 * lesson's (the right verdict, the wrong browser message) is a failure of its own kind: "evidence missing".
 */
public final class EvidenceCheck {

    private EvidenceCheck() {}

    /**
     * @param engine the engine that ran the case ({@code chromium}, ...), whose own words the browser's are checked
     *               against
     * @return one sentence per check that failed; empty when every stated check holds
     */
    public static List<String> missing(ScenarioCase scenarioCase, Evidence evidence, String engine) {
        DecisiveEvidence expected = scenarioCase.evidence(engine);
        List<String> missing = new ArrayList<>();
        JournalEntry received = evidence.victimReceived();
        expected.browserSays(engine)
                .filter(words -> evidence.consoleMessage(words).isEmpty())
                .ifPresent(words -> missing.add("expected the browser to say '" + words + "'; it said "
                        + evidence.console().stream()
                                .filter(m -> m.startsWith("error"))
                                .findFirst()
                                .map(m -> "'" + m + "'")
                                .orElse("nothing")));
        check(missing, "the request to reach the victim", expected.requestSent(), received != null);
        check(missing, "a CORS preflight", expected.preflight(), evidence.preflight() != null);
        if (received == null) {
            if (expected.sessionCookie() != null
                    || expected.status() != null
                    || expected.origin() != null
                    || expected.refusedBy() != null
                    || expected.secFetchSite() != null
                    || expected.secFetchMode() != null
                    || expected.cookies() != null) {
                missing.add("expected the victim to receive the deciding request; it never arrived");
            }
        } else {
            check(missing, "Alice's session cookie on the request", expected.sessionCookie(), received.sessionCookie());
            same(missing, "the victim to answer", expected.status(), received.status());
            same(missing, "the refusing defence to be", expected.refusedBy(), orNone(received.refusedBy()));
            same(missing, "the Origin to be", expected.origin(), orNone(withoutPort(received.origin())));
            if (expected.secFetchSite() != null) {
                same(missing, "Sec-Fetch-Site to be", expected.secFetchSite(), orNone(received.secFetchSite()));
            }
            if (expected.secFetchMode() != null) {
                same(missing, "Sec-Fetch-Mode to be", expected.secFetchMode(), orNone(received.secFetchMode()));
            }
            // In any order, but each name as often as it came: a tossed cookie beside the site's own is a name twice.
            if (expected.cookies() != null && !sorted(expected.cookies()).equals(sorted(received.cookieNames()))) {
                missing.add("expected the request to carry exactly the cookies " + expected.cookies() + "; it carried "
                        + received.cookieNames());
            }
        }
        if (expected.loot() != null) {
            String loot = evidence.lootHasPrivate() ? "private" : evidence.lootHasPublic() ? "public" : "none";
            same(missing, "the attacker's loot to hold", expected.loot().key(), loot);
        }
        check(missing, "Alice's e-mail to change", expected.emailChanged(), evidence.actionPerformed());
        if (expected.postedAs() != null) {
            same(
                    missing,
                    "Alice's next post to run as",
                    expected.postedAs(),
                    evidence.alicePostedAs() == null ? "(no post)" : evidence.alicePostedAs());
        }
        check(
                missing,
                "a message from the victim's origin to reach the attacker's page",
                expected.messageReceived(),
                evidence.messageFromVictim());
        return missing;
    }

    private static void check(List<String> missing, String what, Boolean expected, boolean actual) {
        if (expected != null && expected != actual) {
            missing.add((expected ? "expected " + what : "expected no " + what.replaceFirst("^an? ", "")) + "; "
                    + (actual ? "there was" : "there was none"));
        }
    }

    private static void same(List<String> missing, String what, Object expected, Object actual) {
        if (expected != null && !Objects.equals(expected, actual)) {
            missing.add("expected " + what + " " + expected + "; it was " + actual);
        }
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }

    private static String withoutPort(String origin) {
        return origin == null ? null : origin.replaceFirst(":\\d+$", "");
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }
}
