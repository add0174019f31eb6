package lab.runner.cases;

import java.util.List;

/**
 * Whether a challenge was solved, and why: what was seen, and what was missing when it was not.
 *
 * @param evidence lines that say what really happened (the decisive requests, the loot, the e-mail address)
 * @param missing  what the goal needed and the evidence lacked; empty when solved
 */
public record ChallengeVerdict(
        String challenge,
        boolean solved,
        String verdict,
        List<String> evidence,
        List<String> missing,
        byte[] screenshot,
        double millis) {

    public ChallengeVerdict {
        evidence = List.copyOf(evidence);
        missing = List.copyOf(missing);
    }
}
