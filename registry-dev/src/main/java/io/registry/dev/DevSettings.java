package io.registry.dev;

import java.nio.file.Path;

/**
 * Dev mode settings from the environment: {@code REGISTRY_DATA_DIR} (default {@code .registry-data}),
 * {@code REGISTRY_KAFKA_PORT} (default 19092), {@code REGISTRY_DB} (default {@code registry}) on the local
 * Postgres at {@code REGISTRY_PG_HOST}:{@code REGISTRY_PG_PORT} as {@code REGISTRY_PG_USER}.
 */
record DevSettings(Path dataDir, int kafkaPort, String pgHost, int pgPort, String pgUser, String pgPassword,
                   String database) {

    static DevSettings fromEnvironment() {
        return new DevSettings(
                Path.of(env("REGISTRY_DATA_DIR", ".registry-data")),
                Integer.parseInt(env("REGISTRY_KAFKA_PORT", "19092")),
                env("REGISTRY_PG_HOST", "127.0.0.1"),
                Integer.parseInt(env("REGISTRY_PG_PORT", "5432")),
                env("REGISTRY_PG_USER", "postgres"),
                env("REGISTRY_PG_PASSWORD", ""),
                env("REGISTRY_DB", "registry"));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    String adminJdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/postgres";
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
