package io.registry.launcher;

import java.net.URI;
import java.nio.file.Path;

/**
 * Dev mode settings from the environment: {@code REGISTRY_DATA_DIR} (default {@code .registry-data}),
 * {@code REGISTRY_KAFKA_PORT} (default 19092), {@code REGISTRY_DB} (default {@code registry}) on the local
 * Postgres at {@code REGISTRY_PG_HOST}:{@code REGISTRY_PG_PORT} as {@code REGISTRY_PG_USER} — or, when nothing
 * answers there and {@code REGISTRY_PG_EMBEDDED} is not {@code false}, an embedded one on that port — and the Redis
 * of {@code redis.uri} ({@code REDIS_URI}), used only if it answers at start.
 */
record DevSettings(Path dataDir, int kafkaPort, String pgHost, int pgPort, String pgUser, String pgPassword,
                   String database, boolean pgEmbeddedAllowed, URI redisUri) {

    static DevSettings fromEnvironment() {
        return new DevSettings(
                Path.of(env("REGISTRY_DATA_DIR", ".registry-data")),
                Integer.parseInt(env("REGISTRY_KAFKA_PORT", "19092")),
                env("REGISTRY_PG_HOST", "127.0.0.1"),
                Integer.parseInt(env("REGISTRY_PG_PORT", "5432")),
                env("REGISTRY_PG_USER", "postgres"),
                env("REGISTRY_PG_PASSWORD", ""),
                env("REGISTRY_DB", "registry"),
                !"false".equalsIgnoreCase(env("REGISTRY_PG_EMBEDDED", "true")),
                URI.create(property("redis.uri", env("REDIS_URI", "redis://127.0.0.1:6379"))));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    String adminJdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/postgres";
    }

    /** Where the embedded Postgres keeps its data (initialized at its first start, kept across restarts). */
    Path embeddedPostgresData() {
        return dataDir.resolve("postgres");
    }

    /** An embedded server can only stand in for a Postgres expected on this machine. */
    boolean pgIsLocal() {
        return pgHost.equals("127.0.0.1") || pgHost.equals("localhost") || pgHost.equals("::1");
    }

    String redisHost() {
        return redisUri.getHost() == null ? "127.0.0.1" : redisUri.getHost();
    }

    int redisPort() {
        return redisUri.getPort() < 0 ? 6379 : redisUri.getPort();
    }

    /** Whether the operator decided on Redis explicitly ({@code registry.redis.enabled} / its env var). */
    static boolean redisChoiceIsExplicit() {
        return System.getProperty("registry.redis.enabled") != null || System.getenv("REGISTRY_REDIS_ENABLED") != null;
    }

    private static String property(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
