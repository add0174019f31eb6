package lab.runner.report;

import lab.scenarios.Outcome;

/**
 * What an outcome means for the victim, the one thing every view colours by: the attack worked (red), it was
 * stopped (green), nothing private was at stake (neutral), or the case could not be judged. Whether a case
 * matched its lesson is a different question, shown by a tick, never by these colours: a lesson that expects
 * STOLEN is still red when it passes.
 */
public enum OutcomeTone {
    ATTACK_WORKED("worked", "the attack worked"),
    BLOCKED("blocked", "the attack was stopped"),
    NEUTRAL("neutral", "nothing private at stake"),
    UNJUDGED("unjudged", "could not be judged");

    private final String cssClass;
    private final String legend;

    OutcomeTone(String cssClass, String legend) {
        this.cssClass = cssClass;
        this.legend = legend;
    }

    /** The tone of {@code outcome}; an outcome not named here (a new one) is neutral until it is. */
    public static OutcomeTone of(Outcome outcome) {
        if (outcome == null) {
            return UNJUDGED;
        }
        return switch (outcome) {
            case STOLEN, ACTION_PERFORMED -> ATTACK_WORKED;
            case READ_BLOCKED, COOKIE_WITHHELD, REJECTED_BY_SERVER, REQUEST_NOT_SENT, ACTION_BLOCKED -> BLOCKED;
            case ERROR -> UNJUDGED;
            default -> NEUTRAL;
        };
    }

    /** The HTML report's class for a cell or badge of this tone. */
    public String cssClass() {
        return cssClass;
    }

    /** A few words for the legend under the matrices. */
    public String legend() {
        return legend;
    }
}
