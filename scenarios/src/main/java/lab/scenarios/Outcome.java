package lab.scenarios;

/**
 * What a case ended in, as decided from evidence: what the real browser let the attacker's page do, what
 * the victim server recorded, and what changed. Never copied from an expectation table.
 */
public enum Outcome {
    STOLEN("the attacker's page read the victim's private data and sent it to the attacker's backend"),
    READ_BLOCKED(
            "the request reached the victim with a valid session, but the browser hid the response from the script"),
    COOKIE_WITHHELD(
            "the browser sent the request without the victim's session cookie, so only anonymous data could come back"),
    REJECTED_BY_SERVER("a server defence refused the request; the victim's journal names which"),
    REQUEST_NOT_SENT(
            "the browser never sent the real request: a CORS preflight failed, or the page lacked a permission it needed"
                    + " (Local Network Access)"),
    ACTION_PERFORMED("the forged state-changing request was obeyed: the victim's data changed"),
    ACTION_BLOCKED("the forged state-changing request changed nothing"),
    PUBLIC_READ("the attacker read data that was public anyway, and nothing private"),
    ERROR("the case could not be judged: the evidence was missing or contradictory"),
    /**
     * Never judged from evidence and never written as an expectation: the case rests on a mechanism this engine
     * lacks ({@code notApplicable} in scenario.json), so it was not run here.
     */
    NOT_APPLICABLE("the case rests on a mechanism this browser engine does not have, so it was not run here");

    private final String meaning;

    Outcome(String meaning) {
        this.meaning = meaning;
    }

    /** One sentence a student can read: what this outcome means. */
    public String meaning() {
        return meaning;
    }
}
