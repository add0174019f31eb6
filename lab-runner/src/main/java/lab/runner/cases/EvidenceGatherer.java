package lab.runner.cases;

import java.util.List;
import lab.attacker.loot.Loot;
import lab.runner.LabServers;
import lab.runner.browser.BrowserWords;
import lab.scenarios.AttackKind;
import lab.scenarios.Scenario;
import lab.victim.data.Post;
import lab.victim.data.Profile;
import lab.victim.journal.JournalEntry;

/**
 * Gathers a case's evidence once the page is done: what the browser said, what the victim's journal recorded
 * (read once per case), what the attacker's backend stored, and whether Alice's data changed.
 */
final class EvidenceGatherer {

    /** Where the journal and the loot stood when the case began: everything after is the case's. */
    record Marks(long journal, long loot) {}

    /** A case's evidence, and the whole of what the victim received during it (login included) for the report. */
    record Gathered(Evidence evidence, List<JournalEntry> journal) {}

    private final LabServers servers;
    private final LabReset lab;

    EvidenceGatherer(LabServers servers, LabReset lab) {
        this.servers = servers;
        this.lab = lab;
    }

    Marks mark() {
        return new Marks(
                servers.victim().journal().lastSeq(), servers.attacker().loot().lastId());
    }

    /**
     * @param words   what the browser said to the case's page, or null when the case failed before it had one
     * @param failure why the case could not be carried out, or null
     */
    Gathered gather(
            Scenario scenario, BrowserWords words, AttackerPageDriver.PageReport page, String failure, Marks marks) {
        List<JournalEntry> journal = servers.victim().journal().since(marks.journal());
        List<JournalEntry> target = journal.stream()
                .filter(e -> e.path().equals(scenario.target().path()))
                .toList();

        Profile seeded = lab.seededAlice();
        List<Loot> loot = servers.attacker().loot().since(marks.loot());
        boolean lootHasPrivate = loot.stream()
                .anyMatch(
                        l -> l.payload().contains(seeded.email()) || l.payload().contains(seeded.phone()));
        // The feed is read only when there is loot to compare it with.
        boolean lootHasPublic = !loot.isEmpty()
                && servers.victim().database().feed().stream()
                        .map(Post::body)
                        .anyMatch(
                                post -> loot.stream().anyMatch(l -> l.payload().contains(post)));
        boolean actionPerformed =
                scenario.kind() == AttackKind.ACTION && !lab.aliceNow().email().equals(seeded.email());

        Evidence evidence = new Evidence(
                words == null ? List.of() : words.messages(),
                words == null ? null : words.blockedRead().orElse(null),
                page.result(),
                page.saw(),
                last(target, scenario.target().method()),
                last(target, "OPTIONS"),
                lootHasPrivate,
                lootHasPublic,
                actionPerformed,
                failure);
        return new Gathered(evidence, journal);
    }

    private static JournalEntry last(List<JournalEntry> entries, String method) {
        JournalEntry found = null;
        for (JournalEntry entry : entries) {
            if (entry.method().equals(method)) {
                found = entry;
            }
        }
        return found;
    }
}
