package lab.victim.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The victim's H2 database: users with their password hashes, private messages and public posts. Every
 * query is a prepared statement; the lessons of this lab are about the browser, not SQL injection.
 */
public final class VictimDatabase implements AutoCloseable {

    private final JdbcConnectionPool pool;
    /**
     * Reads of profiles, messages and the feed are served from memory between writes: the journal and the
     * load tests hit {@code /api/me} thousands of times a second, and H2 round trips would dominate. Every
     * write method below clears what it changes. Only users that exist are kept, one entry each (the keys of
     * both maps are real user names): a name nobody has is looked up every time, so that a stranger asking for
     * {@code /profile/<any name>} cannot grow the cache.
     */
    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();

    private final Map<String, List<Message>> messages = new ConcurrentHashMap<>();
    private volatile List<Post> feed;

    /** Posts kept at most (plus up to {@link #POST_TRIM_BATCH} awaiting a trim): about 1 MB of 500-character posts. */
    public static final int MAX_POSTS = 2_000;
    /** How many posts may arrive between two trims of the feed. */
    static final int POST_TRIM_BATCH = 100;

    private int postsSinceTrim;

    private VictimDatabase(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** A fresh in-memory database holding the seeded users (alice, bob, mallory), their messages and the feed. */
    public static VictimDatabase inMemory() {
        return open("jdbc:h2:mem:victim-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * The database kept in {@code directory} ({@code serve --data DIR}): created and seeded on first use, and
     * found again with its posts and changes after a restart.
     */
    public static VictimDatabase inDirectory(DataDirectory directory) {
        return open(directory.h2Url("victim"));
    }

    private static VictimDatabase open(String url) {
        VictimDatabase db = new VictimDatabase(JdbcConnectionPool.create(url, "sa", ""));
        if (!db.hasTable("USERS")) {
            db.runScript("db/schema.sql");
            db.runScript("db/seed.sql");
        }
        db.runScript("db/journal.sql");
        return db;
    }

    private boolean hasTable(String name) {
        return !query(
                        "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?",
                        rs -> 1,
                        name)
                .isEmpty();
    }

    public Optional<String> passwordHash(String username) {
        return queryOne("SELECT password_hash FROM users WHERE username = ?", rs -> rs.getString(1), username);
    }

    public Optional<Profile> profile(String username) {
        // Atomic with the writes' removals, so a stale profile is never put back; null (nobody) is not kept.
        return Optional.ofNullable(
                profiles.computeIfAbsent(username, name -> loadProfile(name).orElse(null)));
    }

    /** How many profiles are kept in memory: at most one per user. */
    int cachedProfiles() {
        return profiles.size();
    }

    private Optional<Profile> loadProfile(String username) {
        return queryOne(
                "SELECT username, display_name, email, phone FROM users WHERE username = ?",
                rs -> new Profile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                username);
    }

    public List<Message> messagesFor(String username) {
        return messages.computeIfAbsent(username, this::loadMessages);
    }

    private List<Message> loadMessages(String username) {
        return List.copyOf(query(
                "SELECT sender, body, sent_at FROM messages WHERE recipient = ? ORDER BY sent_at DESC",
                rs -> new Message(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                username));
    }

    public List<Post> feed() {
        List<Post> cached = feed;
        if (cached == null) {
            cached = List.copyOf(query(
                    "SELECT author, body, created_at FROM posts ORDER BY created_at DESC",
                    rs -> new Post(
                            rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())));
            feed = cached;
        }
        return cached;
    }

    /** Where the request journal keeps its full record (a table of this database). */
    public javax.sql.DataSource dataSource() {
        return pool;
    }

    /** The public posts of one author, newest first. */
    public List<Post> postsBy(String author) {
        return query(
                "SELECT author, body, created_at FROM posts WHERE author = ? ORDER BY created_at DESC",
                rs -> new Post(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                author);
    }

    /** Every user's profile, for the internal admin view. */
    public List<Profile> allProfiles() {
        return query(
                "SELECT username, display_name, email, phone FROM users ORDER BY username",
                rs -> new Profile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    public synchronized Post addPost(String author, String body) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        update("INSERT INTO posts (author, body, created_at) VALUES (?, ?, ?)", author, body, Timestamp.from(now));
        // Any page can make a logged-in Alice post (CSRF is a lesson here), and the feed is read whole: so it keeps
        // the newest MAX_POSTS, trimmed in batches so that a flood does not pay for a delete on every post.
        if (++postsSinceTrim >= POST_TRIM_BATCH) {
            postsSinceTrim = 0;
            update("DELETE FROM posts WHERE id <= (SELECT MAX(id) FROM posts) - ?", MAX_POSTS);
        }
        feed = null;
        return new Post(author, body, now);
    }

    /** Puts every user's e-mail address back as seeded (after a CSRF demonstration changed one). */
    public void restoreSeededEmails() {
        runScript("db/seed-emails.sql");
        profiles.clear();
    }

    public void updateEmail(String username, String email) {
        update("UPDATE users SET email = ? WHERE username = ?", email, username);
        profiles.remove(username);
    }

    @Override
    public void close() {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already shut down: nothing left to release.
        } finally {
            pool.dispose();
        }
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("victim database query failed: " + sql, e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("victim database update failed: " + sql, e);
        }
    }

    private void runScript(String resource) {
        try (InputStream in = VictimDatabase.class.getClassLoader().getResourceAsStream(resource);
                Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            for (String sql : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + resource, e);
        }
    }
}
