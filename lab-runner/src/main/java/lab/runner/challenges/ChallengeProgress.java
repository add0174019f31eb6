package lab.runner.challenges;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import lab.victim.data.DataDirectory;

/**
 * Which challenges are solved and how many hints each has revealed: kept in the H2 database {@code challenges}
 * of a data directory ({@code serve --data DIR}, {@code challenges --data DIR}), or in memory for a lab without one.
 */
public final class ChallengeProgress implements AutoCloseable {

    /** The progress database cannot be opened: another ./lab holds it, or the directory is not writable. */
    public static final class ProgressUnavailableException extends IllegalStateException {
        ProgressUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Connection connection;

    private ChallengeProgress(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE IF NOT EXISTS progress (id VARCHAR(64) PRIMARY KEY,"
                    + " hints INT NOT NULL DEFAULT 0, solved_at TIMESTAMP WITH TIME ZONE)");
        }
    }

    public static ChallengeProgress inMemory() {
        return open("jdbc:h2:mem:");
    }

    /**
     * @throws ProgressUnavailableException when the database cannot be opened (another lab process holds it)
     */
    public static ChallengeProgress in(DataDirectory directory) {
        return open(directory.h2Url("challenges"));
    }

    private static ChallengeProgress open(String url) {
        try {
            return new ChallengeProgress(DriverManager.getConnection(url, "sa", ""));
        } catch (SQLException e) {
            throw new ProgressUnavailableException(
                    "the challenges' progress could not be opened (is another ./lab using the same --data"
                            + " directory?): "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    public synchronized int hintsRevealed(String id) {
        return row(id).map(r -> r.hints).orElse(0);
    }

    /** Reveals one hint more, up to {@code available}; returns how many are revealed now. */
    public synchronized int revealHint(String id, int available) {
        int now = Math.min(available, hintsRevealed(id) + 1);
        update("MERGE INTO progress (id, hints, solved_at) KEY (id) VALUES (?, ?, ?)", id, now, solvedAt(id));
        return now;
    }

    public synchronized boolean solved(String id) {
        return solvedAt(id) != null;
    }

    public synchronized void markSolved(String id) {
        if (!solved(id)) {
            update(
                    "MERGE INTO progress (id, hints, solved_at) KEY (id) VALUES (?, ?, ?)",
                    id,
                    hintsRevealed(id),
                    java.sql.Timestamp.from(Instant.now()));
        }
    }

    /** Forgets every challenge's progress. */
    public synchronized void reset() {
        try (Statement delete = connection.createStatement()) {
            delete.execute("DELETE FROM progress");
        } catch (SQLException e) {
            throw new IllegalStateException("the challenges' progress could not be reset", e);
        }
    }

    private java.sql.Timestamp solvedAt(String id) {
        return row(id).map(r -> r.solvedAt).orElse(null);
    }

    private record Row(int hints, java.sql.Timestamp solvedAt) {}

    private Optional<Row> row(String id) {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT hints, solved_at FROM progress WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Row(rows.getInt(1), rows.getTimestamp(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the challenges' progress could not be read", e);
        }
    }

    private void update(String sql, String id, int hints, java.sql.Timestamp solvedAt) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.setInt(2, hints);
            statement.setTimestamp(3, solvedAt);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the challenges' progress could not be saved", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing is best effort; H2 writes every committed change at once.
        }
    }
}
