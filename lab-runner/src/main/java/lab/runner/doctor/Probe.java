package lab.runner.doctor;

import com.microsoft.playwright.Page;
import java.util.List;
import lab.runner.LabServers;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * What a check may do with the lab: switch the victim's defences, open a page in the profile of one
 * third-party cookie setting, and read what reached the victim from its journal.
 */
final class Probe {

    /** Generous for a page on loopback; a check that hits it fails with the browser's own message. */
    private static final double STEP_TIMEOUT_MILLIS = 10_000;

    private final LabServers servers;
    private final SettingPages pages;

    Probe(LabServers servers, SettingPages pages) {
        this.servers = servers;
        this.pages = pages;
    }

    /** Sets the victim's defences; the SameSite attribute applies to the next login. */
    void defences(Defences defences) {
        servers.victim().defences().set(defences);
    }

    /** A fresh page that follows {@code setting}, the profile's cookies cleared so that no earlier login leaks in. */
    ProbePage open(ThirdPartyCookies setting) {
        Page page = pages.open(setting);
        page.context().clearCookies();
        page.setDefaultTimeout(STEP_TIMEOUT_MILLIS);
        return new ProbePage(page, servers.victim().origin());
    }

    String victimOrigin() {
        return servers.victim().origin();
    }

    int victimPort() {
        return servers.victim().port();
    }

    int attackerPort() {
        return servers.attacker().port();
    }

    /** The attacker's server under another name, e.g. {@code evil.localhost} or {@code pages.social.localhost}. */
    String attackerOriginAs(String hostName) {
        return servers.attacker().originAs(hostName);
    }

    /**
     * A live session of {@code user}, made by the victim's session store directly: the value an attacker holding
     * an account of their own would toss, without the cost of a second login through the browser.
     */
    String liveSessionOf(String user) {
        return servers.victim().sessions().create(user).id();
    }

    /** A mark to read the journal from: {@link #arrivedSince} returns only what came after it. */
    long journalMark() {
        return servers.victim().journal().lastSeq();
    }

    /** The requests for {@code path} the victim received after {@code mark}, oldest first. */
    List<JournalEntry> arrivedSince(long mark, String path) {
        return servers.victim().journal().since(mark).stream()
                .filter(e -> e.path().equals(path))
                .toList();
    }

    /** One request as the victim received it, in the words the report uses. */
    static String describe(JournalEntry entry) {
        return entry.method() + " " + entry.path() + (entry.origin() == null ? "" : " from " + entry.origin())
                + (entry.sessionCookie() ? " with" : " without") + " the session cookie";
    }
}
