package lab.runner.cases;

import java.util.List;
import java.util.Optional;
import lab.victim.journal.JournalEntry;

/**
 * Everything a case's outcome is decided from: what the browser showed and said, what the victim server
 * received, what the attacker's backend stored, and whether the victim's state changed.
 *
 * @param console         what the browser said to the page (console messages, script errors and failed requests),
 *                        as {@code type: text} ({@code requestfailed: net::ERR_BLOCKED_BY_ORB http://...})
 * @param browserSaid     the browser's own explanation of a blocked read, in its engine's words, or null
 * @param pageResult      what the attacker's page reported (read, anonymous, failed, public, sent, nothing), "navigated"
 *                        when it left for the victim's site (a form post), or null when it reported nothing
 * @param pageSaw         the text the attacker's page showed about what it got
 * @param victimReceived  the victim's journal entry for the deciding request, or null when none reached it
 * @param preflight       the victim's journal entry for its CORS preflight, or null when there was none
 * @param lootHasPrivate  whether what the attacker's backend stored holds the victim's private data
 * @param lootHasPublic   whether it holds the site's public data
 * @param actionPerformed whether the victim's state changed as the attacker wanted
 * @param failure         why the case could not be carried out (browser crash, time-out), or null
 * @param outside         the traffic of the case's time that was not the case's own, and so decided nothing
 * @param alicePost       the victim's journal entry for the post Alice wrote on Flock after the attack (whose
 *                        session it ran under), or null when she wrote none
 * @param messageFromVictim whether the attacker's page received a {@code postMessage} from the victim's origin (seen
 *                        by the runner's listener in the page, not told by the page)
 */
public record Evidence(
        List<String> console,
        String browserSaid,
        String pageResult,
        String pageSaw,
        JournalEntry victimReceived,
        JournalEntry preflight,
        boolean lootHasPrivate,
        boolean lootHasPublic,
        boolean actionPerformed,
        String failure,
        Outside outside,
        JournalEntry alicePost,
        boolean messageFromVictim) {

    public Evidence {
        console = List.copyOf(console);
    }

    /** Evidence of a case after which Alice wrote nothing. */
    public Evidence(
            List<String> console,
            String browserSaid,
            String pageResult,
            String pageSaw,
            JournalEntry victimReceived,
            JournalEntry preflight,
            boolean lootHasPrivate,
            boolean lootHasPublic,
            boolean actionPerformed,
            String failure,
            Outside outside) {
        this(
                console,
                browserSaid,
                pageResult,
                pageSaw,
                victimReceived,
                preflight,
                lootHasPrivate,
                lootHasPublic,
                actionPerformed,
                failure,
                outside,
                null,
                false);
    }

    /** The account Alice's next post ran under, {@code none} without a session, or null when she wrote none. */
    public String alicePostedAs() {
        if (alicePost == null) {
            return null;
        }
        return alicePost.user() == null ? "none" : alicePost.user();
    }

    /**
     * Whether Flock accepted Alice's next post (no defence refused it, no error status), so that what she wrote is
     * in the account it ran under; false when she wrote none.
     */
    public boolean alicePostAccepted() {
        return alicePost != null && alicePost.refusedBy() == null && alicePost.status() < 400;
    }

    /** Evidence with no outside traffic beside it. */
    public Evidence(
            List<String> console,
            String browserSaid,
            String pageResult,
            String pageSaw,
            JournalEntry victimReceived,
            JournalEntry preflight,
            boolean lootHasPrivate,
            boolean lootHasPublic,
            boolean actionPerformed,
            String failure) {
        this(
                console,
                browserSaid,
                pageResult,
                pageSaw,
                victimReceived,
                preflight,
                lootHasPrivate,
                lootHasPublic,
                actionPerformed,
                failure,
                Outside.NONE,
                null,
                false);
    }

    /**
     * What reached the servers during the case from elsewhere (another tab, a program on the machine): requests
     * without the tag of the case's browser, and loot without the case's nonce. Shown, never deciding.
     */
    public record Outside(int requests, int loot) {
        public static final Outside NONE = new Outside(0, 0);

        public boolean any() {
            return requests > 0 || loot > 0;
        }

        /** {@code 3 outside requests / 1 loot item ignored}, the words every report uses. */
        public String describe() {
            return requests + " outside request" + (requests == 1 ? "" : "s") + " / " + loot + " loot item"
                    + (loot == 1 ? "" : "s") + " ignored";
        }
    }

    /** The first console message that contains {@code fragment}, if any. */
    public Optional<String> consoleMessage(String fragment) {
        return console.stream().filter(m -> m.contains(fragment)).findFirst();
    }
}
