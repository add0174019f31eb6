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

/** The attacker's database of stolen data ("save it in the DB to use it later"), in H2. */
public final class LootStore implements AutoCloseable {

    private final JdbcConnectionPool pool;
    /**
     * The newest id stored, kept here so that asking for it (the runner does before and after every case) costs
     * no query. This process is the only writer: H2 locks a file database to the process that opened it.
     */
    private final AtomicLong lastId = new AtomicLong();

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
        return store;
    }

    /** Stores a haul that names no case (outside traffic, as far as the runner is concerned). */
    public Loot store(String scenario, String victimUser, String payload) {
        return store(scenario, victimUser, payload, null);
    }

    /** @param caseNonce the case the sending page ran for ({@link Loot#caseNonce()}), or null */
    public Loot store(String scenario, String victimUser, String payload, String caseNonce) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("could not read loot", e);
        }
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

    public void clear() {
        update("DELETE FROM loot");
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
