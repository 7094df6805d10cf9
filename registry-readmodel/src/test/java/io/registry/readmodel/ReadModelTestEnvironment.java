package io.registry.readmodel;

import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.ApplicationContext;
import io.registry.testkit.ReadModelProperties;
import io.registry.testkit.RedisKeyspace;
import io.registry.testkit.ThrowawayDatabase;

import java.util.Map;

/**
 * A throwaway Postgres database and Redis key prefix on the local servers, and a Micronaut context wired to them
 * (Flyway on, as in the projector role). Nothing is shared with other tests or left behind.
 */
public final class ReadModelTestEnvironment implements AutoCloseable {
    private final ThrowawayDatabase database = ThrowawayDatabase.create();
    private final RedisKeyspace redis = RedisKeyspace.create();
    private final ApplicationContext context;

    public ReadModelTestEnvironment() {
        this(Map.of());
    }

    public ReadModelTestEnvironment(Map<String, Object> extraProperties) {
        Map<String, Object> properties = ReadModelProperties.of(database, redis);
        properties.put("datasources.default.maximum-pool-size", 4);
        properties.putAll(extraProperties);
        try {
            context = ApplicationContext.run(properties);
        } catch (RuntimeException e) {
            redis.close();
            database.close();
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
        return redis.prefix();
    }

    public RedisCommands<String, String> redis() {
        return redis.commands();
    }

    /** Deletes every Redis key of this environment (the checkpoint included), as an operator wiping Redis would. */
    public void wipeRedis() {
        redis.wipe();
    }

    /** Empties every read-model table, the checkpoint included. */
    public void wipePostgres() {
        database.truncateReadModel();
    }

    public void sql(String statement) {
        database.sql(statement);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            redis.close();
            database.close();
        }
    }
}
