package lab.attacker.loot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import lab.victim.data.DataDirectory;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The attacker's database of stolen data ("save it in the DB to use it later"), in H2, kept within
 * {@link LootBounds}: the newest hauls, their count and size bounded, the oldest deleted past them.
 */
public final class LootStore implements AutoCloseable {

    private final JdbcConnectionPool pool;
    /**
     * The newest id stored, kept here so that asking for it (the runner does before and after every case) costs
     * no query. This process is the only writer: H2 locks a file database to the process that opened it.
     */
    private final AtomicLong lastId = new AtomicLong();

    private final LootBounds bounds = new LootBounds();

    private LootStore(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    public static LootStore inMemory() {
        return open("jdbc:h2:mem:loot-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** The loot kept in {@code directory} ({@code serve --data DIR}), found again after a restart. */
    public static LootStore inDirectory(DataDirectory directory) {
        return open(directory.h2Url("loot"));
    }

    private static LootStore open(String url) {
        LootStore store = new LootStore(JdbcConnectionPool.create(url, "sa", ""));
        store.update("CREATE TABLE IF NOT EXISTS loot (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "received_at TIMESTAMP WITH TIME ZONE NOT NULL, scenario VARCHAR(64) NOT NULL, "
                + "victim_user VARCHAR(200), payload CLOB NOT NULL)");
        // Loot kept by an older lab (serve --data) has no case nonces: it belongs to no case.
        store.update("ALTER TABLE loot ADD COLUMN IF NOT EXISTS case_nonce VARCHAR(64)");
        store.lastId.set(store.queryLastId());
        store.noteKeptHauls();
        return store;
    }

    /** Stores a haul that names no case (outside traffic, as far as the runner is concerned). */
    public Loot store(String scenario, String victimUser, String payload) {
        return store(scenario, victimUser, payload, null);
    }

    /**
     * Stores a haul and deletes the oldest past the bounds; a payload over the size of one haul is refused.
     *
     * @param caseNonce the case the sending page ran for ({@link Loot#caseNonce()}), or null
     */
    public synchronized Loot store(String scenario, String victimUser, String payload, String caseNonce) {
        if (payload.length() > LootBounds.MAX_PAYLOAD_CHARS) {
            throw new IllegalArgumentException("loot larger than " + LootBounds.MAX_PAYLOAD_CHARS + " characters");
        }
        // The database keeps microseconds; the returned value must equal what a later read gives.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO loot (received_at, scenario, victim_user, payload, case_nonce) VALUES (?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, scenario);
            ps.setString(3, victimUser);
            ps.setString(4, payload);
            ps.setString(5, caseNonce);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                lastId.accumulateAndGet(id, Math::max);
                deleteUpTo(bounds.add(id, payload.length()));
                return new Loot(id, now, scenario, victimUser, payload, caseNonce);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store loot", e);
        }
    }

    /** Everything stored after the haul with id {@code afterId}, oldest first (0 for all). */
    public List<Loot> since(long afterId) {
        if (afterId >= lastId.get()) {
            return List.of();
        }
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, received_at, scenario, victim_user, payload, case_nonce FROM loot WHERE id > ? "
                                + "ORDER BY id")) {
            ps.setLong(1, afterId);
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read loot", e);
        }
    }

    private static List<Loot> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Loot> result = new ArrayList<>();
            while (rs.next()) {
                result.add(new Loot(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)));
            }
            return result;
        }
    }

    /**
     * At most {@code limit} hauls with an id below {@code beforeId}, newest first ({@link Long#MAX_VALUE} for
     * the newest): one page of the loot.
     */
    public List<Loot> newestBefore(long beforeId, int limit) {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, received_at, scenario, victim_user, payload, case_nonce FROM loot WHERE id < ? ORDER BY id DESC"
                                + " LIMIT ?")) {
            ps.setLong(1, beforeId);
            ps.setInt(2, limit);
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read loot", e);
        }
    }

    /** How many hauls are kept now. */
    public int count() {
        return bounds.count();
    }

    /** How many of the oldest hauls were deleted to keep within the bounds since the store was last cleared. */
    public long dropped() {
        return bounds.dropped();
    }

    /** How many characters of payload the kept hauls hold. */
    public long totalChars() {
        return bounds.totalChars();
    }

    private void deleteUpTo(long id) throws SQLException {
        if (id > 0) {
            try (Connection c = pool.getConnection();
                    PreparedStatement ps = c.prepareStatement("DELETE FROM loot WHERE id <= ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
    }

    /** Notes the hauls a store kept by an earlier run holds, trimming them to the bounds without counting. */
    private void noteKeptHauls() {
        long deleteUpTo = 0;
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, LENGTH(payload) FROM loot ORDER BY id")) {
            while (rs.next()) {
                deleteUpTo = Math.max(deleteUpTo, bounds.add(rs.getLong(1), rs.getInt(2)));
            }
            deleteUpTo(deleteUpTo);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read loot", e);
        }
        bounds.forgetDropped();
    }

    /** The id of the newest haul, 0 when nothing was stolen yet (ids go on after {@link #clear()}). */
    public long lastId() {
        return lastId.get();
    }

    private long queryLastId() {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM loot")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read loot", e);
        }
    }

    public synchronized void clear() {
        update("DELETE FROM loot");
        bounds.clear();
    }

    @Override
    public void close() {
        try {
            update("SHUTDOWN");
        } catch (IllegalStateException e) {
            // Already shut down: nothing left to release.
        } finally {
            pool.dispose();
        }
    }

    private void update(String sql) {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("loot database: " + sql, e);
        }
    }
}
