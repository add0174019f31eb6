package lab.runner.lessons;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.attacker.loot.Loot;
import lab.runner.LabServers;
import lab.runner.LabSession;
import lab.runner.LabTestSession;
import lab.runner.console.ConsoleServer;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * The classroom of a lesson test: Flock, the spam site and the lab console on free loopback ports, and the lab's
 * browser with a normal window's setting (third-party cookies allowed, as in Chrome). One per test class; {@link
 * #freshStart()} before each test gives the next lesson the seeded site, the wide-open defences, an empty cookie
 * jar and the attacker's name pointing at the attacker.
 */
final class LessonLab implements AutoCloseable {

    /** Where the lessons leave their screenshots: one per test, of the page that made the point. */
    static final Path SCREENSHOTS = Path.of("target", "lessons");

    private static final double STEP_TIMEOUT_MILLIS = 15_000;

    private final LabSession session;
    private final ConsoleServer console;
    private final List<Page> tabs = new ArrayList<>();
    private long journalMark;
    private long lootMark;

    private LessonLab(LabSession session, ConsoleServer console) {
        this.session = session;
        this.console = console;
    }

    static LessonLab start() {
        LabSession session = LabTestSession.start(ScenarioCatalogue.load());
        try {
            return new LessonLab(session, new ConsoleServer(session.servers()).start(LabServers.LOOPBACK, 0));
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Before each lesson: nothing left from the last one, in the servers or in the browser. */
    void freshStart() {
        closeTabs();
        servers().victim().defences().set(Defences.WIDE_OPEN);
        servers().victim().database().restoreSeededEmails();
        servers().victim().sessions().clear();
        servers().attacker().rebinding().pointAtAttacker();
        // As the console's reset button does: the trainer's journal starts empty (its numbering goes on).
        servers().victim().journal().clear();
        servers().attacker().loot().clear();
        browserProfile().clearCookies();
        journalMark = servers().victim().journal().lastSeq();
        lootMark = servers().attacker().loot().lastId();
    }

    /**
     * Sets Flock's defences from the wide-open preset, as {@code ./lab serve --defences cors=reflect,samesite=none}
     * does: for instance {@code "host-check=on"}. Applies to the next request.
     */
    void flockDefends(String defences) {
        servers().victim().defences().set(Defences.WIDE_OPEN.with(defences));
    }

    /** A new tab in the browser's profile: Alice's tabs and the trainer's console share her cookie jar. */
    Page newTab() {
        Page tab = session.browser().newPage(ThirdPartyCookies.ALLOWED);
        tab.setDefaultTimeout(STEP_TIMEOUT_MILLIS);
        tabs.add(tab);
        return tab;
    }

    /** Flock, as Alice sees it in a new tab. */
    FlockPages flockTab() {
        return new FlockPages(newTab(), servers().victim().origin());
    }

    /** A tab for the attacker's pages, listening to the browser console from the start. */
    SpamPage spamTab() {
        return new SpamPage(newTab(), servers().attacker().origin());
    }

    /** The lab console, as the trainer sees it in a new tab. */
    ConsolePage consoleTab() {
        return ConsolePage.open(newTab(), console.origin());
    }

    private BrowserContext browserProfile() {
        return session.browser().context(ThirdPartyCookies.ALLOWED);
    }

    LabServers servers() {
        return session.servers();
    }

    /** Everything the victim received since this lesson began, oldest first. */
    List<JournalEntry> victimReceived() {
        return servers().victim().journal().since(journalMark);
    }

    /** The last request for {@code method path} the victim received since this lesson began. */
    Optional<JournalEntry> victimReceived(String method, String path) {
        List<JournalEntry> matching = victimReceived().stream()
                .filter(e -> e.method().equals(method) && e.path().equals(path))
                .toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    /** What the attacker's backend stored since this lesson began. */
    List<Loot> loot() {
        return servers().attacker().loot().since(lootMark);
    }

    /** Alice's e-mail address as Flock's database holds it now. */
    String aliceEmailInFlocksDatabase() {
        return servers().victim().database().profile("alice").orElseThrow().email();
    }

    /** Keeps a full-page picture of {@code tab} under target/lessons, for the trainer's slides. */
    static void screenshot(Page tab, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tab.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    private void closeTabs() {
        tabs.forEach(tab -> {
            if (!tab.isClosed()) {
                tab.close();
            }
        });
        tabs.clear();
    }

    @Override
    public void close() {
        try {
            closeTabs();
            console.close();
        } finally {
            session.close();
        }
    }
}
