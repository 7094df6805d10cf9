package io.registry.readmodel.postgres;

import io.micronaut.transaction.TransactionOperations;
import io.registry.readmodel.Checkpoint;
import io.registry.readmodel.PositionedEvent;
import io.registry.readmodel.ProjectionStore;
import io.registry.readmodel.StaleCheckpointException;
import io.registry.readmodel.availability.PostgresTimeouts;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes the log into the Postgres read model: each batch and its checkpoint in one transaction. */
@Singleton
public class PostgresProjectionStore implements ProjectionStore {
    /** The checkpoint row of this projection ({@code projection_checkpoint.projection}). */
    public static final String NAME = "postgres";

    private final TransactionOperations<Connection> transactions;
    private final CheckpointRepository checkpoints;
    private final PostgresTimeouts timeouts;

    public PostgresProjectionStore(TransactionOperations<Connection> transactions, CheckpointRepository checkpoints,
                                   PostgresTimeouts timeouts) {
        this.transactions = transactions;
        this.checkpoints = checkpoints;
        this.timeouts = timeouts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> boundLog() {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT log_id FROM projection_binding WHERE projection = ?")) {
                select.setString(1, NAME);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void rebind(String logId) {
        transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            timeouts.forProjector(c);
            // Every read-model table, found rather than listed, so a table a later migration adds is not missed.
            List<String> tables = new ArrayList<>();
            try (Statement list = c.createStatement();
                 ResultSet rs = list.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = "
                         + "current_schema() AND tablename NOT IN ('flyway_schema_history', 'projection_binding')")) {
                while (rs.next()) {
                    tables.add('"' + rs.getString(1) + '"');
                }
            }
            try (Statement wipe = c.createStatement()) {
                wipe.execute("TRUNCATE " + String.join(", ", tables));
            }
            try (PreparedStatement bind = c.prepareStatement("INSERT INTO projection_binding (projection, log_id) "
                    + "VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET log_id = EXCLUDED.log_id")) {
                bind.setString(1, NAME);
                bind.setString(2, logId);
                bind.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Checkpoint checkpoint() {
        return checkpoints.findById(NAME)
                .map(row -> new Checkpoint(row.nextOffset(), row.seq()))
                .orElse(Checkpoint.START);
    }

    @Override
    public void apply(Checkpoint from, List<PositionedEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        ProjectionStore.requireContinues(NAME, from, batch);
        Checkpoint next = Checkpoint.after(batch);
        transactions.executeWrite(status -> {
            timeouts.forProjector(status.getConnection());
            // The checkpoint goes first: it locks the row for the rest of the transaction and rejects the batch
            // before anything else is written if the projection is no longer where the batch was read from.
            if (!moveCheckpoint(from, next)) {
                throw new StaleCheckpointException(NAME, from, batch.get(0).offset());
            }
            try (PostgresChanges changes = new PostgresChanges(status.getConnection())) {
                for (PositionedEvent event : batch) {
                    changes.apply(event.event());
                }
                changes.flush();
            }
            announceWithoutSync(status.getConnection(), next.seq());
            return null;
        });
    }

    /**
     * One round trip for two things. The NOTIFY tells API nodes waiting for read-your-writes (Postgres delivers it
     * at commit, never before). And this commit does not wait for the WAL to reach disk: the projection is
     * disposable and its checkpoint commits with its data, so a host crash that loses the last commits only moves
     * the projection back to an earlier checkpoint, and it re-applies those records from the log. A process crash
     * loses nothing; only the OS losing its page cache does.
     */
    private static void announceWithoutSync(Connection connection, long seq) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('synchronous_commit', 'off', true), pg_notify(?, ?)")) {
            statement.setString(1, PostgresProgressNotices.CHANNEL);
            statement.setString(2, Long.toString(seq));
            statement.execute();
        } catch (java.sql.SQLException e) {
            throw PostgresWriteException.of(e);
        }
    }

    private boolean moveCheckpoint(Checkpoint from, Checkpoint next) {
        if (checkpoints.advance(NAME, from.nextOffset(), next.nextOffset(), next.seq()) == 1) {
            return true;
        }
        // No row is the same as offset 0: an empty projection, or one wiped with TRUNCATE.
        return from.nextOffset() == 0 && checkpoints.create(NAME, next.nextOffset(), next.seq()) == 1;
    }
}
