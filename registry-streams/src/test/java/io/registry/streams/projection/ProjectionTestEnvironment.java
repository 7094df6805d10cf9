package io.registry.streams.projection;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.ApplicationContext;
import io.registry.kafka.embedded.SharedTestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Everything a projector test needs, private to the test: its own Postgres database, Redis key prefix and log
 * topic (1 partition, compacted) on the shared test broker, and a Micronaut context wired to them. {@link #close()}
 * drops the database and deletes the keys.
 */
final class ProjectionTestEnvironment implements AutoCloseable {
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    static final String REDIS = "redis://127.0.0.1:6379";

    private final String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String database = "registry_test_" + id;
    private final String keyPrefix = "registry_test_" + id + ":";
    private final String bootstrapServers = SharedTestKafka.get().bootstrapServers();
    private final RedisClient redisClient = RedisClient.create(REDIS);
    private final StatefulRedisConnection<String, String> redis = redisClient.connect();
    private ApplicationContext context;

    ProjectionTestEnvironment() {
        admin("CREATE DATABASE " + database);
    }

    /** A fresh, uniquely named log topic. */
    String createLogTopic() {
        String topic = "projection-log-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
        return topic;
    }

    /** Starts (once) the application context; {@code extra} adds or overrides properties. */
    ApplicationContext context(Map<String, Object> extra) {
        if (context == null) {
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "datasources.default.url", POSTGRES + database,
                    "datasources.default.username", "postgres",
                    "datasources.default.password", "",
                    "datasources.default.driver-class-name", "org.postgresql.Driver",
                    "datasources.default.maximum-pool-size", 4,
                    "flyway.datasources.default.enabled", true,
                    "redis.uri", REDIS,
                    "registry.redis.key-prefix", keyPrefix,
                    "registry.kafka.bootstrap-servers", bootstrapServers));
            properties.putAll(extra);
            context = ApplicationContext.run(properties);
        }
        return context;
    }

    ApplicationContext context() {
        return context(Map.of());
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Deletes every Redis key of this environment, the checkpoint included. */
    void wipeRedis() {
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
    void wipePostgres() {
        try (Connection c = DriverManager.getConnection(POSTGRES + database, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("TRUNCATE schemas, subject_versions, configs, modes, projection_checkpoint");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (context != null && context.isRunning()) {
                context.close();
            }
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
