package io.registry.readmodel;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.ApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A throwaway Postgres database and Redis key prefix on the local servers, and a Micronaut context wired to them
 * (Flyway on, as in the projector role). Nothing is shared with other tests or left behind.
 */
public final class ReadModelTestEnvironment implements AutoCloseable {
    public static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String REDIS = "redis://127.0.0.1:6379";

    private final String database;
    private final String keyPrefix;
    private final ApplicationContext context;
    private final RedisClient redisClient = RedisClient.create(REDIS);
    private final StatefulRedisConnection<String, String> redis = redisClient.connect();

    public ReadModelTestEnvironment() {
        this(Map.of());
    }

    public ReadModelTestEnvironment(Map<String, Object> extraProperties) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        database = "registry_test_" + suffix;
        keyPrefix = "registry_test_" + suffix + ":";
        admin("CREATE DATABASE " + database);
        Map<String, Object> properties = new HashMap<>(Map.of(
                "datasources.default.url", POSTGRES + database,
                "datasources.default.username", "postgres",
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.maximum-pool-size", 4,
                "flyway.datasources.default.enabled", true,
                "redis.uri", REDIS,
                "registry.redis.key-prefix", keyPrefix));
        properties.putAll(extraProperties);
        try {
            context = ApplicationContext.run(properties);
        } catch (RuntimeException e) {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            redis.close();
            redisClient.shutdown();
            throw e;
        }
    }

    public ApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public RedisCommands<String, String> redis() {
        return redis.sync();
    }

    /** Deletes every Redis key of this environment (the checkpoint included), as an operator wiping Redis would. */
    public void wipeRedis() {
        RedisCommands<String, String> commands = redis.sync();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = commands.scan(cursor, ScanArgs.Builder.matches(keyPrefix + "*").limit(1000));
            if (!page.getKeys().isEmpty()) {
                commands.del(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    /** Empties every read-model table, the checkpoint included. */
    public void wipePostgres() {
        sql("TRUNCATE schemas, subject_versions, configs, config_normalize, modes, projection_checkpoint");
    }

    public void sql(String statement) {
        try (Connection c = DriverManager.getConnection(POSTGRES + database, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    @Override
    public void close() {
        try {
            context.close();
            wipeRedis();
        } finally {
            redis.close();
            redisClient.shutdown();
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void admin(String statement) {
        try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
