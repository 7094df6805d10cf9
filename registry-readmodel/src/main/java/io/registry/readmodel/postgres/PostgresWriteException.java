package io.registry.readmodel.postgres;

import java.sql.SQLException;

/** A failed write to the Postgres projection; the surrounding transaction rolls back. */
final class PostgresWriteException extends RuntimeException {
    private PostgresWriteException(String message, SQLException cause) {
        super(message, cause);
    }

    /** A failed JDBC batch reports "see getNextException"; the next exception holds the server's actual reason. */
    static PostgresWriteException of(SQLException e) {
        SQLException next = e.getNextException();
        String reason = next != null && next != e ? e.getMessage() + " / " + next.getMessage() : e.getMessage();
        return new PostgresWriteException("Postgres projection write failed: " + reason, e);
    }
}
