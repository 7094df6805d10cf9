package io.registry.readmodel.availability;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.micronaut.data.connection.exceptions.ConnectionException;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a store outage (no connection, a timeout, a server shutting down) from any other failure. Only outages
 * count against a store's circuit breaker: a bad query or a bug must not make a healthy store look dead.
 */
public final class Outages {
    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLTimeoutException
                    || t instanceof ConnectionException // Micronaut Data could not get or prepare a connection
                    || t instanceof SocketException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && (isOutageState(sql.getSQLState())
                    || (sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())))) {
                return true; // the second: Hikari's proxy of a connection the server closed under us
            }
            if (t instanceof RedisCommandExecutionException reply) {
                // An error reply: the server is there. Only "not serving yet" replies mean it is not usable.
                String message = String.valueOf(reply.getMessage());
                return message.startsWith("LOADING") || message.startsWith("BUSY")
                        || message.startsWith("MASTERDOWN");
            }
            if (t instanceof RedisException) {
                return true; // not connected, connection closed, command timed out
            }
        }
        return false;
    }

    /**
     * Postgres SQLSTATEs of an unusable server: class 08 (connection exception), 57014 (statement timeout: the
     * server is stalled for this query), 57P01-57P05 (shutdown, crash recovery, idle timeouts), 53300 (no free
     * connection slot).
     */
    private static boolean isOutageState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57014") || state.startsWith("57P")
                || state.equals("53300"));
    }
}
