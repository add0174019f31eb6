package lab.runner.doctor;

import java.util.Optional;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;

/**
 * {@code cors=wildcard} is the classic mistake the lessons show being refused: the browser must hide the
 * answer from a credentialed fetch and say why in its console, where the lab reads the reason from.
 */
final class WildcardWithCredentialsCheck implements Check {

    /** The part of Chromium's console message that names the reason. */
    static final String REASON = "must not be the wildcard";

    @Override
    public String name() {
        return "wildcard-with-credentials";
    }

    @Override
    public String expected() {
        return "Allow-Origin * with credentials: /api/me unreadable, console says \"" + REASON + "\"";
    }

    @Override
    public CheckResult measure(Probe probe) {
        // Cookie sent and answer wildcarded: the only thing left to stop the read is the browser's rule.
        probe.defences(Defences.WIDE_OPEN.with("cors=wildcard,samesite=none"));
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            page.logInAsAlice();
            page.open(probe.attackerOriginAs("evil.localhost") + "/loot");
            FetchResult fetched = page.fetch(probe.victimOrigin() + "/api/me", true);
            Optional<String> said = page.blockedReadReason(REASON);
            return result(
                    !fetched.read() && said.isPresent(),
                    fetched + "; "
                            + said.map(reason -> "the console said: " + reason)
                                    .orElse("the console did not say \"" + REASON + "\""));
        }
    }
}
