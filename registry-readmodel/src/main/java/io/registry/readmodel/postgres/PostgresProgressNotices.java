package io.registry.readmodel.postgres;

import io.micronaut.context.annotation.Value;
import io.registry.readmodel.ProgressNotices;
import io.registry.readmodel.availability.StoreGuards;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * LISTENs for the Postgres projection's commits ({@link PostgresProjectionStore} NOTIFYs in each batch's
 * transaction). It holds one connection of its own, outside the pool: a LISTEN lives as long as its session.
 */
@Singleton
public class PostgresProgressNotices implements ProgressNotices {
    /** The NOTIFY channel; per database, so two registries on one Postgres server never hear each other. */
    static final String CHANNEL = "registry_projection_applied";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresProgressNotices.class);

    private final String url;
    private final String user;
    private final String password;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Thread thread;

    public PostgresProgressNotices(@Value("${datasources.default.url}") String url,
                                   @Value("${datasources.default.username:postgres}") String user,
                                   @Value("${datasources.default.password:}") String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public String store() {
        return StoreGuards.POSTGRES;
    }

    @Override
    public synchronized void listen(Listener onApplied) {
        if (thread != null) {
            throw new IllegalStateException("already listening");
        }
        thread = new Thread(() -> run(onApplied), "registry-postgres-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Listener onApplied) {
        while (closing.getCount() > 0) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                // Whatever committed while we were not listening is missed: the reader re-reads once.
                onApplied.resync();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (closing.getCount() > 0) {
                    PGNotification[] notices = pg.getNotifications(500);
                    if (notices != null && notices.length > 0) {
                        // The payload is the batch's last sequence (PostgresProjectionStore); the newest is enough.
                        announce(onApplied, notices[notices.length - 1].getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Listening for Postgres projection progress failed; reconnecting", e);
                awaitClosing(1_000);
            }
        }
    }

    private static void announce(Listener listener, String payload) {
        try {
            listener.applied(Long.parseLong(payload));
        } catch (NumberFormatException e) {
            listener.resync(); // not ours (someone NOTIFYing on our channel): read the checkpoint instead
        }
    }

    private void awaitClosing(long millis) {
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.countDown();
        }
    }

    @PreDestroy
    @Override
    public void close() {
        closing.countDown();
        Thread running = thread;
        if (running != null) {
            try {
                running.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
