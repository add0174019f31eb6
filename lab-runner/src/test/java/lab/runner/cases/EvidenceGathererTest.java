package lab.runner.cases;

import static org.assertj.core.api.Assertions.assertThat;

import lab.runner.LabCatalogue;
import lab.runner.LabServers;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;
import lab.victim.journal.RequestJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journal and the loot keep a bounded window, so a flood from outside can push a case's own evidence out of
 * them. A case that lost evidence that way cannot be judged, and says so, instead of a verdict from what is left.
 */
class EvidenceGathererTest {

    private static final ScenarioCatalogue CATALOGUE = LabCatalogue.load();
    private final Scenario theft = CATALOGUE.find("cookie-theft").orElseThrow();

    private LabServers servers;
    private EvidenceGatherer gatherer;

    @BeforeEach
    void start() {
        servers = LabServers.start(CATALOGUE, Defences.WIDE_OPEN, 0, 0);
        gatherer = new EvidenceGatherer(servers, new LabReset(servers, Defences.WIDE_OPEN));
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void a_case_whose_journal_entries_a_flood_pushed_out_cannot_be_judged() {
        EvidenceGatherer.Marks marks = gatherer.mark("tag");
        for (int i = 0; i <= RequestJournal.DEFAULT_CAPACITY; i++) {
            servers.victim().journal().record(JournalEntry.observed("GET", "/api/me", "http://x", false, null, 401));
        }
        Evidence evidence = gatherer.gather(theft, null, AttackerPageDriver.PageReport.NOTHING, null, marks)
                .evidence();
        assertThat(evidence.failure())
                .contains("pushed part of its evidence out")
                .contains("journal");
    }

    @Test
    void a_case_whose_loot_a_flood_pushed_out_cannot_be_judged() {
        EvidenceGatherer.Marks marks = gatherer.mark("tag");
        servers.attacker().loot().store("cookie-theft", "alice", "{\"email\":\"alice@wonderland.example\"}", "nonce");
        servers.attacker().loot().clear();
        Evidence evidence = gatherer.gather(theft, null, AttackerPageDriver.PageReport.NOTHING, null, marks)
                .evidence();
        assertThat(evidence.failure()).contains("loot store");
    }

    @Test
    void outside_traffic_that_leaves_the_case_s_window_whole_is_only_counted() {
        EvidenceGatherer.Marks marks = gatherer.mark("tag");
        for (int i = 0; i < 100; i++) {
            servers.victim().journal().record(JournalEntry.observed("GET", "/api/me", "http://x", false, null, 401));
        }
        Evidence evidence = gatherer.gather(theft, null, AttackerPageDriver.PageReport.NOTHING, null, marks)
                .evidence();
        assertThat(evidence.failure()).isNull();
        assertThat(evidence.outside().requests()).isEqualTo(100);
    }
}
