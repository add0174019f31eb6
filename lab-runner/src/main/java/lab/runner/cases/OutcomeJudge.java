package lab.runner.cases;

import java.util.Map;
import lab.scenarios.Outcome;

/**
 * Decides a case's outcome from its evidence alone. The expectation table is never consulted here: a broken
 * defence or a browser that changed its rules shows up as a different outcome, not as a silent pass.
 */
public final class OutcomeJudge {

    private OutcomeJudge() {
    }

    /** @param victimUser the user logged in to the victim during the case (whose data would be stolen) */
    public static Verdict judge(Evidence evidence, String victimUser) {
        if (evidence.failure() != null) {
            return new Verdict(Outcome.ERROR, evidence.failure());
        }
        VictimReceived received = evidence.victimReceived();
        if (received == null) {
            return new Verdict(Outcome.ERROR, "the victim never received the attacker's request"
                    + (evidence.pageSaw() == null ? "" : "; the page saw: " + abbreviate(evidence.pageSaw())));
        }
        String request = received.method() + " " + received.path() + " from " + received.origin();
        if (!received.sessionCookie()) {
            return new Verdict(Outcome.COOKIE_WITHHELD, "the victim received " + request
                    + " without a session cookie and answered " + received.status()
                    + "; the script saw: " + abbreviate(evidence.pageSaw()));
        }
        boolean scriptRead = "read".equals(evidence.pageResult());
        boolean stored = evidence.lootUsers().contains(victimUser);
        if (scriptRead && stored) {
            return new Verdict(Outcome.STOLEN, "the victim answered " + request + " (with " + victimUser
                    + "'s session) with " + describe(received.corsHeaders()) + "; the script read the private profile"
                    + " and the attacker's backend stored it");
        }
        if (scriptRead || stored || "anonymous".equals(evidence.pageResult())) {
            return new Verdict(Outcome.ERROR, "contradictory evidence: the victim saw " + victimUser
                    + "'s session, the script reported '" + evidence.pageResult() + "', the loot store "
                    + (stored ? "holds" : "does not hold") + " " + victimUser + "'s data");
        }
        String reason = evidence.consoleMessage("CORS policy")
                .map(m -> "the browser said: " + m)
                .orElse("the script saw: " + abbreviate(evidence.pageSaw()));
        return new Verdict(Outcome.READ_BLOCKED, "the victim received " + request + " with " + victimUser
                + "'s session cookie and answered " + received.status() + " with " + describe(received.corsHeaders())
                + ", but the script could not read it; " + reason);
    }

    private static String describe(Map<String, String> corsHeaders) {
        if (corsHeaders.isEmpty()) {
            return "no CORS headers";
        }
        StringBuilder text = new StringBuilder();
        corsHeaders.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append(": ").append(value));
        return text.toString();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "nothing";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
    }
}
