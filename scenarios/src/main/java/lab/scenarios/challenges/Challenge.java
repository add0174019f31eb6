package lab.scenarios.challenges;

import java.util.List;
import java.util.Map;
import lab.scenarios.ThirdPartyCookies;

/**
 * One hands-on exercise, read from its folder's {@code challenge.json}.
 *
 * @param defences          the victim's defences while the challenge runs (a defend challenge's starting point)
 * @param thirdPartyCookies Alice's browser's third-party cookie setting
 * @param goal              what must happen (attack challenges); null for defend challenges
 * @param hints             revealed one at a time, in this order
 * @param solutionFile      the trainer's exploit, a file of the folder (attack challenges), else null
 * @param solutionHost      the host the trainer's exploit is served under (attack challenges), else null
 * @param solutionDefences  the trainer's defences (defend challenges), else empty
 * @param attacks           the catalogue scenarios whose attacks must all fail (defend challenges)
 * @param legitimate        the legitimate uses that must keep working (defend challenges)
 */
public record Challenge(
        String id,
        ChallengeKind kind,
        String title,
        String brief,
        Map<String, String> defences,
        ThirdPartyCookies thirdPartyCookies,
        Goal goal,
        List<String> hints,
        String solutionFile,
        String solutionHost,
        Map<String, String> solutionDefences,
        List<String> attacks,
        List<LegitimateUse> legitimate) {

    public Challenge {
        defences = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defences));
        hints = List.copyOf(hints);
        solutionDefences = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(solutionDefences));
        attacks = List.copyOf(attacks);
        legitimate = List.copyOf(legitimate);
    }

    /** What must happen for the challenge to be solved, in one sentence. */
    public String goalText() {
        if (kind == ChallengeKind.ATTACK) {
            return goal.description();
        }
        return "every attack of " + String.join(", ", attacks) + " fails while "
                + String.join(
                        "; ",
                        legitimate.stream().map(LegitimateUse::description).toList());
    }
}
