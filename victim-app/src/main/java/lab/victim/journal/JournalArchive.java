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
 * Keeps the journal's record in H2, written in batches by one thread of its own so that requests never wait
 * for the database. Entries wait in a bounded queue: when it is full the request that records one waits for
 * room (it is never dropped on the way). The record itself is bounded too, in rows and in bytes: past either
 * bound the oldest rows are deleted, and {@link #dropped()} says how many were. {@link #clear()} empties it.
 */
public final class JournalArchive implements Consumer<JournalEntry>, AutoCloseable {

    /**
     * Entries waiting for the writer at most, then recording waits: a fifth of a second of the load test, and
     * at most about 35 MB of requests with the largest headers the server accepts.
     */
    private static final int QUEUE_CAPACITY = 4_000;
    /** Rows kept at most: a workshop's hour of clicking is a few thousand; a load test's is trimmed. */
    public static final long MAX_ROWS = 200_000;
    /**
     * Bytes of rows kept at most (text as cut below, plus {@link EntrySize#OVERHEAD} a row): the database holds
     * the record in memory unless {@code serve --data} puts it on disk, so this bounds the heap it takes.
     */
    public static final long MAX_BYTES = 24L * 1024 * 1024;

    private static final int BATCH = 1_000;
    /** How long the writer lets entries gather before a batch: short enough for the console's reads. */
    private static final long GATHER_MILLIS = 20;

    private static final String INSERT =
            "INSERT INTO journal (seq, received_at, method, path, origin, host, sec_fetch_site,"
                    + " sec_fetch_mode, referer, user_agent, cookie_names, session_cookie, username, cors_headers, status, refused_by,"
                    + " row_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource database;
    private final BlockingQueue<JournalEntry> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    /** Rows and bytes in the database; only the writer (and {@link #clear()}, under the same lock) change them. */
    private long rows;

    private long bytes;
    /** Bumped by {@link #clear()}: a batch taken before a clear is not written after it. */
    private long generation;

    private final Object lock = new Object();
    private final Thread writer;
    private volatile boolean closing;

    public JournalArchive(DataSource database) {
        this.database = database;
        readTotals();
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

    /** How many older rows were deleted to keep the record within its bounds, since it was last cleared. */
    public long dropped() {
        return dropped.get();
    }

    /** How many entries were written since this archive opened (dropped and cleared ones included). */
    public long written() {
        return written.get();
    }

    /** Roughly how many bytes the rows in the database hold. */
    public long bytes() {
        synchronized (lock) {
            return bytes;
        }
    }

    /** Forgets the whole record, and entries still waiting to be written with it. */
    public void clear() {
        synchronized (lock) {
            generation++;
            List<JournalEntry> waiting = new ArrayList<>();
            queue.drainTo(waiting);
            written.addAndGet(waiting.size());
            try (Connection c = database.getConnection();
                    PreparedStatement ps = c.prepareStatement("TRUNCATE TABLE journal")) {
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not clear the journal archive", e);
            }
            rows = 0;
            bytes = 0;
            dropped.set(0);
        }
    }

    /**
     * The highest sequence number in the database (0 when empty): a journal that goes on from a kept record
     * (serve --data) numbers on from here, or its entries would collide with the kept rows and be lost.
     */
    public long lastSeq() {
        try (Connection c = database.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM journal");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the journal archive", e);
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
                long taken;
                synchronized (lock) {
                    taken = generation;
                }
                batch.add(first);
                if (queue.size() < BATCH - 1 && !closing) {
                    // Let a batch gather: one insert of many rows costs the database far less than many small
                    // ones, and the requests that record entries no longer wake this thread one by one.
                    Thread.sleep(GATHER_MILLIS);
                }
                queue.drainTo(batch, BATCH - 1);
                synchronized (lock) {
                    if (taken == generation) {
                        write(batch);
                        trimToBounds();
                    }
                }
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
        long batchBytes = 0;
        try (Connection c = database.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (JournalEntry e : batch) {
                int rowBytes = rowBytes(e);
                batchBytes += rowBytes;
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
                ps.setInt(17, rowBytes);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        rows += batch.size();
        bytes += batchBytes;
    }

    /**
     * Past a bound, deletes the oldest rows down to three quarters of it, so that trimming happens once in a
     * while and not at every batch.
     */
    private void trimToBounds() throws SQLException {
        if (rows <= MAX_ROWS && bytes <= MAX_BYTES) {
            return;
        }
        long rowsToGo = Math.max(0, rows - MAX_ROWS * 3 / 4);
        long bytesToGo = Math.max(0, bytes - MAX_BYTES * 3 / 4);
        try (Connection c = database.getConnection();
                PreparedStatement find = c.prepareStatement("SELECT seq, row_bytes FROM journal ORDER BY seq");
                PreparedStatement delete = c.prepareStatement("DELETE FROM journal WHERE seq <= ?")) {
            long lastSeq = -1;
            long goneRows = 0;
            long goneBytes = 0;
            find.setFetchSize(1_000);
            try (ResultSet rs = find.executeQuery()) {
                while ((goneRows < rowsToGo || goneBytes < bytesToGo) && rs.next()) {
                    lastSeq = rs.getLong(1);
                    goneBytes += rs.getInt(2);
                    goneRows++;
                }
            }
            delete.setLong(1, lastSeq);
            delete.executeUpdate();
            rows -= goneRows;
            bytes -= goneBytes;
            dropped.addAndGet(goneRows);
        }
    }

    private void readTotals() {
        try (Connection c = database.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(row_bytes), 0) FROM journal");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            rows = rs.getLong(1);
            bytes = rs.getLong(2);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the journal archive", e);
        }
    }

    /** What a row holds, counted as {@link EntrySize} counts an entry, after the cuts. */
    private static int rowBytes(JournalEntry e) {
        return (int) Math.min(EntrySize.of(e), EntrySize.OVERHEAD + 40_000);
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
