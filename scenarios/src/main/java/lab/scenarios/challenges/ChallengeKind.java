package lab.scenarios.challenges;

import java.util.Locale;

/** What the learner does: writes the attack, or chooses the defences. */
public enum ChallengeKind {
    ATTACK,
    DEFEND;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
