package io.registry.readmodel.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * JDBC batching that keeps statement order: consecutive rows for the same SQL share one JDBC batch, a row for
 * different SQL first executes the pending batch. For the statements that are rare in a log (deletes, configs,
 * modes); the bulk of a rebuild goes through {@link UnnestInsert}.
 */
final class StatementRuns implements PendingWrites, AutoCloseable {
    /** Bounds the rows the driver holds in memory for one batch; the order is unaffected. */
    private static final int MAX_BATCH = 5_000;

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private PreparedStatement pending;
    private int pendingRows;

    StatementRuns(Connection connection) {
        this.connection = connection;
    }

    void add(String sql, Binder binder) {
        try {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            if (statement != pending || pendingRows >= MAX_BATCH) {
                flush();
                pending = statement;
            }
            binder.bind(statement);
            statement.addBatch();
            pendingRows++;
        } catch (SQLException e) {
            throw PostgresWriteException.of(e);
        }
    }

    @Override
    public void flush() {
        if (pending == null || pendingRows == 0) {
            return;
        }
        try {
            pending.executeBatch();
        } catch (SQLException e) {
            throw PostgresWriteException.of(e);
        } finally {
            pendingRows = 0;
        }
    }

    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the transaction's outcome is decided elsewhere; a failing close changes nothing
            }
        }
    }
}
