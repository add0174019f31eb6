package lab.victim.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Keeps every journal entry in H2, written in batches by one thread of its own so that requests never wait
 * for the database. Entries wait in a bounded queue: when it is full the request that records one waits for
 * room (it is never dropped), so no entry is ever lost and memory stays bounded under any load.
 */
public final class JournalArchive implements Consumer<JournalEntry>, AutoCloseable {

    private static final int QUEUE_CAPACITY = 50_000;
    private static final int BATCH = 1_000;
    /** How long the writer lets entries gather before a batch: short enough for the console's reads. */
    private static final long GATHER_MILLIS = 20;

    private static final String INSERT =
            "INSERT INTO journal (seq, received_at, method, path, origin, host, sec_fetch_site,"
                    + " sec_fetch_mode, referer, user_agent, cookie_names, session_cookie, username, cors_headers, status, refused_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource database;
    private final BlockingQueue<JournalEntry> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;

    public JournalArchive(DataSource database) {
        this.database = database;
        this.writer = new Thread(this::writeLoop, "journal-archive");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void accept(JournalEntry entry) {
        try {
            queue.put(entry);
            accepted.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many entries are in the database so far. */
    public long count() {
        try (Connection c = database.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM journal");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the journal archive", e);
        }
    }

    /** Waits until every entry accepted so far is written, at most {@code millis}; true when it is. */
    public boolean flush(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (written.get() < accepted.get() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        return written.get() >= accepted.get();
    }

    private void writeLoop() {
        List<JournalEntry> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                JournalEntry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                if (queue.size() < BATCH - 1 && !closing) {
                    // Let a batch gather: one insert of many rows costs the database far less than many small
                    // ones, and the requests that record entries no longer wake this thread one by one.
                    Thread.sleep(GATHER_MILLIS);
                }
                queue.drainTo(batch, BATCH - 1);
                write(batch);
                written.addAndGet(batch.size());
                batch.clear();
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                // The database is closing under us (shutdown): what is left is lost with it.
                written.addAndGet(batch.size());
                batch.clear();
            }
        }
    }

    private void write(List<JournalEntry> batch) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (JournalEntry e : batch) {
                ps.setLong(1, e.seq());
                ps.setTimestamp(2, Timestamp.from(e.time()));
                ps.setString(3, e.method());
                ps.setString(4, cut(e.path(), 2000));
                ps.setString(5, cut(e.origin(), 4000));
                ps.setString(6, cut(e.host(), 4000));
                ps.setString(7, cut(e.secFetchSite(), 200));
                ps.setString(8, cut(e.secFetchMode(), 200));
                ps.setString(9, cut(e.referer(), 8000));
                ps.setString(10, cut(e.userAgent(), 4000));
                ps.setString(11, cut(String.join(",", e.cookieNames()), 8000));
                ps.setBoolean(12, e.sessionCookie());
                ps.setString(13, e.user());
                ps.setString(14, cut(e.corsHeaders().toString(), 8000));
                ps.setInt(15, e.status());
                ps.setString(16, e.refusedBy());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Hostile requests carry huge headers; the record keeps their start, the window in memory keeps them whole. */
    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    public void close() {
        closing = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
