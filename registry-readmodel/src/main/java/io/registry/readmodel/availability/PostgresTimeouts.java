package io.registry.readmodel.availability;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Bounds every Postgres call of the connection pool: how long a caller waits for a pooled connection
 * ({@code registry.postgres.connection-timeout}, Hikari's {@code connectionTimeout}; its default is 30 s) and for the
 * liveness check of a pooled one ({@code validation-timeout}), how long opening a connection may take
 * ({@code connect-timeout}), how long the server may run one statement ({@code statement-timeout}: a lock or a
 * stalled server ends in an error, not a hang) and how long the socket may stay silent ({@code socket-timeout}: a
 * frozen host or a dropped network). The projector lifts the statement and socket bounds for its own transactions
 * ({@link #forProjector}): a large batch is not a request.
 */
@Singleton
public class PostgresTimeouts implements BeanCreatedEventListener<DatasourceConfiguration> {
    private final Duration connectionTimeout;
    private final Duration validationTimeout;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final Duration statementTimeout;
    private final Duration projectorStatementTimeout;

    public PostgresTimeouts(@Value("${registry.postgres.connection-timeout:1s}") Duration connectionTimeout,
                            @Value("${registry.postgres.validation-timeout:500ms}") Duration validationTimeout,
                            @Value("${registry.postgres.connect-timeout:1s}") Duration connectTimeout,
                            @Value("${registry.postgres.socket-timeout:5s}") Duration socketTimeout,
                            @Value("${registry.postgres.statement-timeout:2s}") Duration statementTimeout,
                            @Value("${registry.postgres.projector-statement-timeout:60s}")
                            Duration projectorStatementTimeout) {
        this.connectionTimeout = connectionTimeout;
        this.validationTimeout = validationTimeout;
        this.connectTimeout = connectTimeout;
        this.socketTimeout = socketTimeout;
        this.statementTimeout = statementTimeout;
        this.projectorStatementTimeout = projectorStatementTimeout;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration pool = event.getBean();
        pool.setConnectionTimeout(connectionTimeout.toMillis());
        pool.setValidationTimeout(Math.min(validationTimeout.toMillis(), connectionTimeout.toMillis()));
        // pgjdbc takes these in whole seconds (0 would mean "no limit")
        pool.addDataSourceProperty("connectTimeout", Long.toString(seconds(connectTimeout)));
        pool.addDataSourceProperty("loginTimeout", Long.toString(seconds(connectTimeout) + 1));
        pool.addDataSourceProperty("socketTimeout", Long.toString(seconds(socketTimeout)));
        pool.addDataSourceProperty("options", "-c statement_timeout=" + statementTimeout.toMillis());
        return pool;
    }

    /**
     * Lifts the request bounds for a projector transaction on {@code connection}: its statements may run
     * {@code projector-statement-timeout}, its socket stay silent a little longer. Hikari restores the network
     * timeout when the connection returns to the pool; the statement timeout is {@code SET LOCAL}, so it ends with
     * the transaction.
     */
    public void forProjector(Connection connection) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, (int) projectorStatementTimeout.plusSeconds(5).toMillis());
        try (Statement set = connection.createStatement()) {
            set.execute("SET LOCAL statement_timeout = " + projectorStatementTimeout.toMillis());
        }
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
