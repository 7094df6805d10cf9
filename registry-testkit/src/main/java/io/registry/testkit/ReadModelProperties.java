package io.registry.testkit;

import java.util.HashMap;
import java.util.Map;

/** The application properties that point the read model (Postgres via Flyway, Redis) at a test's own stores. */
public final class ReadModelProperties {
    private ReadModelProperties() {
    }

    public static Map<String, Object> of(ThrowawayDatabase database, RedisKeyspace redis) {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", database.jdbcUrl());
        p.put("datasources.default.username", ThrowawayDatabase.USER);
        p.put("datasources.default.password", "");
        p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        p.put("datasources.default.dialect", "POSTGRES");
        p.put("flyway.datasources.default.enabled", true);
        p.put("redis.uri", RedisKeyspace.URI);
        p.put("registry.redis.key-prefix", redis.prefix());
        return p;
    }
}
