package lab.runner.doctor;

import com.microsoft.playwright.Response;
import java.util.List;
import lab.runner.LabServers;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.journal.JournalEntry;

/**
 * As {@link LocalhostResolutionCheck}, for Firefox: Playwright's WebDriver BiDi connection reports no server
 * address for a response, so the proof that {@code social.localhost} reached the lab's loopback server is the
 * victim's own journal (the servers listen on {@link LabServers#LOOPBACK} only), and for {@code evil.localhost} the
 * attacker's page answering 200.
 */
final class FirefoxLocalhostCheck implements Check {

    @Override
    public String name() {
        return "localhost-resolution";
    }

    @Override
    public String expected() {
        return "social.localhost and evil.localhost load from the lab's servers on " + LabServers.LOOPBACK
                + " (the victim's journal records the request)";
    }

    @Override
    public CheckResult measure(Probe probe) {
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            long mark = probe.journalMark();
            Response victim = page.open(probe.victimOrigin() + "/login");
            List<JournalEntry> journaled = probe.arrivedSince(mark, "/login");
            Response attacker = page.open(probe.attackerOriginAs("evil.localhost") + "/loot");
            boolean passed = victim != null
                    && victim.status() == 200
                    && !journaled.isEmpty()
                    && attacker != null
                    && attacker.status() == 200;
            return result(
                    passed,
                    "social.localhost/login answered " + (victim == null ? "nothing" : victim.status())
                            + (journaled.isEmpty() ? ", not in the victim's journal" : ", journaled by the victim")
                            + "; evil.localhost/loot answered " + (attacker == null ? "nothing" : attacker.status()));
        }
    }
}
