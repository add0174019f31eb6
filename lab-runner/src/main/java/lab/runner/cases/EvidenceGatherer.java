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
import lab.victim.journal.RequestTag;

/**
 * Gathers a case's evidence once the page is done: what the browser said, what the victim's journal recorded
 * (read once per case), what the attacker's backend stored, and whether Alice's data changed.
 *
 * <p>Only the case's own traffic is evidence. The lab runs beside other tabs and programs that can reach both
 * servers, so a journal entry counts only when it carries the tag of the case's browser ({@link RequestTag}, in
 * its User-Agent, which nothing else can guess), and loot only when it names the case's nonce, which the case's
 * page alone got in its address. Everything else in the case's time is outside traffic: counted, never deciding.
 */
final class EvidenceGatherer {

    /**
     * Where the journal and the loot stood when the case began, and what ties traffic to the case.
     *
     * @param requestTag the tag of the case's browser, on every request it sends
     * @param caseNonce  the case's own nonce (128 random bits), given to its page only, which sends it with its loot
     */
    record Marks(long journal, long loot, String requestTag, String caseNonce) {}

    /** A case's evidence, and what the victim received from the case's browser during it (login included). */
    record Gathered(Evidence evidence, List<JournalEntry> journal) {}

    private final LabServers servers;
    private final LabReset lab;

    EvidenceGatherer(LabServers servers, LabReset lab) {
        this.servers = servers;
        this.lab = lab;
    }

    /** Marks where the case begins, for a case run in the browser whose request tag is {@code requestTag}. */
    Marks mark(String requestTag) {
        return new Marks(
                servers.victim().journal().lastSeq(),
                servers.attacker().loot().lastId(),
                requestTag,
                RequestTag.random());
    }

    /** Where the journal stands now: a case that changes the defences midway is decided by what came after. */
    long journalNow() {
        return servers.victim().journal().lastSeq();
    }

    /** The evidence of a case whose defences stayed as set at its start. */
    Gathered gather(
            Scenario scenario, BrowserWords words, AttackerPageDriver.PageReport page, String failure, Marks marks) {
        return gather(scenario, words, page, failure, marks, marks.journal());
    }

    /**
     * @param words        what the browser said to the case's page, or null when the case failed before it had one
     * @param failure      why the case could not be carried out, or null
     * @param decidingFrom the journal position after which the deciding request counts: the case's start, or where
     *                     the journal stood when the lab changed the defences midway
     */
    Gathered gather(
            Scenario scenario,
            BrowserWords words,
            AttackerPageDriver.PageReport page,
            String failure,
            Marks marks,
            long decidingFrom) {
        List<JournalEntry> all = servers.victim().journal().since(marks.journal());
        List<JournalEntry> journal = all.stream()
                .filter(e -> RequestTag.carries(e, marks.requestTag()))
                .toList();
        List<JournalEntry> target = journal.stream()
                .filter(e -> e.seq() > decidingFrom)
                .filter(e -> e.path().equals(scenario.target().path()))
                .toList();
        JournalEntry alicePost = scenario.alicePostsNext() == null
                ? null
                : last(
                        journal.stream()
                                .filter(e -> e.path().equals(Alice.POST_PATH))
                                .toList(),
                        "POST");

        Profile seeded = lab.seededAlice();
        List<Loot> allLoot = servers.attacker().loot().since(marks.loot());
        List<Loot> loot =
                allLoot.stream().filter(l -> l.isFor(marks.caseNonce())).toList();
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
        if (failure == null) {
            failure = lostToOutsideTraffic(all, allLoot, marks);
        }

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
                failure,
                new Evidence.Outside(all.size() - journal.size(), allLoot.size() - loot.size()),
                alicePost,
                page.messageOrigins().contains(servers.victim().origin()));
        return new Gathered(evidence, journal);
    }

    /**
     * Why the case cannot be judged when the journal's or the loot's bounded memory lost part of what arrived
     * during the case (a flood from outside pushed it out), or null when nothing after the marks was lost. A
     * verdict from what is left could be wrong either way, so the case says so instead of guessing.
     */
    private String lostToOutsideTraffic(List<JournalEntry> journal, List<Loot> loot, Marks marks) {
        long lastSeq = servers.victim().journal().lastSeq();
        boolean journalLost = lastSeq > marks.journal()
                && (journal.isEmpty() || journal.get(0).seq() > marks.journal() + 1);
        long lastLoot = servers.attacker().loot().lastId();
        boolean lootLost =
                lastLoot > marks.loot() && (loot.isEmpty() || loot.get(0).id() > marks.loot() + 1);
        if (!journalLost && !lootLost) {
            return null;
        }
        return "outside traffic during the case pushed part of its evidence out of the lab's bounded "
                + (journalLost ? "journal" : "loot store")
                + "; the case cannot be judged (run it again without the flood)";
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
