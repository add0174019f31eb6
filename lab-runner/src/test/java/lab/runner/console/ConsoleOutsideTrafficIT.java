package lab.runner.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import lab.runner.LabSession;
import lab.runner.LabTestSession;
import lab.runner.browser.BrowserLocator;
import lab.runner.outside.Outsider;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's scenario runs are judged from their own browser's traffic only. Under the hardened preset, the
 * moment the run's page reaches the victim, another tab posts fake loot holding Alice's e-mail and floods
 * {@code /api/me} with the attacker's Origin; the console's run still says REJECTED_BY_SERVER and names the
 * outside traffic it ignored.
 */
class ConsoleOutsideTrafficIT {

    private static final ScenarioCatalogue CATALOGUE = ScenarioCatalogue.load();
    private static final int FLOOD = 50;

    private static LabSession session;

    @BeforeAll
    static void startLab() {
        session = LabTestSession.start(CATALOGUE);
    }

    @AfterAll
    static void stopLab() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void another_tabs_fake_loot_and_flood_do_not_decide_a_console_run() throws Exception {
        session.servers().victim().defences().set(Defences.HARDENED);
        Outsider outsider = new Outsider(session.servers());
        String attackerOrigin = session.servers().attacker().origin();
        AtomicBoolean struck = new AtomicBoolean();
        // The victim tells its journal's listeners before it answers: the outsider strikes while the run's page
        // still waits for its answer, so all of its traffic falls inside the run.
        AutoCloseable listening = session.servers().victim().journal().subscribe(entry -> {
            boolean fromTheRun = entry.path().equals("/api/me")
                    && !String.valueOf(entry.userAgent()).startsWith(Outsider.USER_AGENT);
            if (fromTheRun && struck.compareAndSet(false, true)) {
                outsider.flood("GET", "/api/me", attackerOrigin, FLOOD);
                outsider.fakeLoot("cookie-theft", "alice@wonderland.example");
            }
        });
        ScenarioRuns runs = new ScenarioRuns(session.servers(), BrowserLocator.locate(Optional.empty()));
        try {
            ScenarioRuns.RunView run =
                    runs.run(CATALOGUE.find("cookie-theft").orElseThrow(), ThirdPartyCookies.ALLOWED);

            assertThat(outsider.sent()).as("the outsider struck during the run").isEqualTo(FLOOD + 2);
            assertThat(run.outcome()).as(run.why()).isEqualTo("REJECTED_BY_SERVER");
            assertThat(run.victimReceived()).containsEntry("status", 403).containsEntry("refusedBy", "fetch-metadata");
            assertThat(run.outside()).isEqualTo(FLOOD + " outside requests / 2 loot items ignored");
        } finally {
            runs.close();
            listening.close();
        }
    }
}
