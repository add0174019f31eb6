package lab.victim;

import io.javalin.Javalin;
import java.util.Set;
import lab.victim.auth.PasswordHasher;
import lab.victim.auth.SessionStore;
import lab.victim.data.DataDirectory;
import lab.victim.data.VictimDatabase;
import lab.victim.defence.DefenceSettings;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalArchive;
import lab.victim.journal.RequestJournal;
import lab.victim.web.VictimApp;

/**
 * The victim site with everything it owns: database, sessions, defences and journal. The lab runner keeps a
 * reference to read the journal and switch defences in-process.
 */
public final class VictimServer implements AutoCloseable {

    /** Chromium resolves every {@code *.localhost} name to loopback by itself, so no hosts file is needed. */
    public static final String HOST_NAME = "social.localhost";

    private final VictimDatabase db;
    private final SessionStore sessions = new SessionStore();
    private final DefenceSettings defences;
    private final JournalArchive archive;
    private final RequestJournal journal;
    private final Javalin app;

    public VictimServer(Defences initialDefences) {
        this(initialDefences, null);
    }

    /** @param dataDirectory where the database lives across restarts, or null for a fresh one in memory */
    public VictimServer(Defences initialDefences, DataDirectory dataDirectory) {
        this.db = dataDirectory == null ? VictimDatabase.inMemory() : VictimDatabase.inDirectory(dataDirectory);
        this.archive = new JournalArchive(db.dataSource());
        this.journal = new RequestJournal(RequestJournal.DEFAULT_CAPACITY, archive, archive.lastSeq());
        this.defences = new DefenceSettings(initialDefences);
        this.app = VictimApp.create(db, sessions, new PasswordHasher(), defences, journal, HOST_NAME, Set.of());
    }

    /** Starts listening on {@code bindAddress}; port 0 picks a free port, read back with {@link #port()}. */
    public VictimServer start(String bindAddress, int port) {
        app.start(bindAddress, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    /** The origin a browser uses to reach the site, for example {@code http://social.localhost:7001}. */
    public String origin() {
        return "http://" + HOST_NAME + ":" + port();
    }

    public DefenceSettings defences() {
        return defences;
    }

    public RequestJournal journal() {
        return journal;
    }

    /** The journal's full record in the database, beyond the window {@link #journal()} keeps in memory. */
    public JournalArchive journalArchive() {
        return archive;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public VictimDatabase database() {
        return db;
    }

    @Override
    public void close() {
        try {
            app.stop();
            archive.close();
        } finally {
            db.close();
        }
    }
}
