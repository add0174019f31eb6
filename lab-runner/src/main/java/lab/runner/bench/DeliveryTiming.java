package lab.runner.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import lab.runner.LabCatalogue;
import lab.runner.LabSession;
import lab.runner.browser.BrowserEngines;
import lab.runner.browser.BrowserOptions;
import lab.runner.cases.ChallengeVerdict;
import lab.runner.challenges.ChallengeLab;
import lab.runner.challenges.ChallengeProgress;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.challenges.ChallengeCatalogue;
import lab.victim.defence.Defences;

/**
 * Times a challenge delivery as a learner waits for it: from "Deliver to Alice" (the page stored) to the verdict,
 * with a fresh browser context, a real login and the judge, in a lab already running. One warm-up delivery first.
 */
public final class DeliveryTiming {

    /** The challenge delivered: the first of the catalogue, with its trainer's solution. */
    static final String CHALLENGE = "steal-with-reflect";

    private DeliveryTiming() {}

    /** @return each delivery's milliseconds; every one must solve the challenge, or the timing means nothing */
    public static double[] deliverToVerdict(Optional<Path> browser, int deliveries) {
        ScenarioCatalogue scenarios = LabCatalogue.load();
        ChallengeCatalogue challenges = LabCatalogue.challenges(scenarios);
        byte[] solution = challenges.solutionSource(CHALLENGE).orElseThrow().getBytes(StandardCharsets.UTF_8);
        String host = challenges.find(CHALLENGE).orElseThrow().solutionHost();
        try (LabSession session = LabSession.start(
                        scenarios,
                        BrowserEngines.DEFAULT,
                        BrowserEngines.locate(BrowserEngines.DEFAULT, browser, BrowserOptions.HEADLESS),
                        BrowserOptions.HEADLESS,
                        Defences.WIDE_OPEN);
                ChallengeProgress progress = ChallengeProgress.inMemory();
                ChallengeLab lab =
                        new ChallengeLab(session.servers(), session.browser(), scenarios, challenges, progress)) {
            deliver(lab, solution, host);
            double[] millis = new double[deliveries];
            for (int i = 0; i < deliveries; i++) {
                long started = System.nanoTime();
                deliver(lab, solution, host);
                millis[i] = (System.nanoTime() - started) / 1e6;
            }
            return millis;
        }
    }

    private static void deliver(ChallengeLab lab, byte[] solution, String host) {
        ChallengeVerdict verdict = lab.deliverSource(CHALLENGE, solution, host);
        if (!verdict.solved()) {
            throw new IllegalStateException(
                    "the trainer's solution of " + CHALLENGE + " did not solve it: " + verdict.verdict());
        }
    }
}
