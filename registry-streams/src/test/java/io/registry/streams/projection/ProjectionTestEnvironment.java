package io.registry.streams.projection;

import io.micronaut.context.ApplicationContext;
import io.registry.testkit.kafka.SharedTestKafka;
import io.registry.testkit.ReadModelProperties;
import io.registry.testkit.RedisKeyspace;
import io.registry.testkit.ThrowawayDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

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
    private final ThrowawayDatabase database = ThrowawayDatabase.create();
    private final RedisKeyspace redis = RedisKeyspace.create();
    private final String bootstrapServers = SharedTestKafka.get().bootstrapServers();
    private ApplicationContext context;

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
            Map<String, Object> properties = ReadModelProperties.of(database, redis);
            properties.put("datasources.default.maximum-pool-size", 4);
            properties.put("registry.kafka.bootstrap-servers", bootstrapServers);
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
        redis.wipe();
    }

    /** Empties every read-model table, the checkpoint included. */
    void wipePostgres() {
        database.truncateReadModel();
    }

    @Override
    public void close() {
        try {
            if (context != null && context.isRunning()) {
                context.close();
            }
        } finally {
            redis.close();
            database.close();
        }
    }
}
