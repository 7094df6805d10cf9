package io.registry.dev;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.registry.kafka.embedded.SharedTestKafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole registry in the test JVM — sequencer, projectors and an API node on a random port — against the shared
 * real Kafka broker, a throwaway Postgres database and a private Redis key prefix. Each stack has its own topics,
 * so tests never see each other's data.
 */
public final class RegistryStack implements AutoCloseable {
    static final String REDIS_URI = System.getenv().getOrDefault("REDIS_URI", "redis://127.0.0.1:6379");

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final TestDatabase database = TestDatabase.create();
    final String redisPrefix = "registry-test:" + id + ":";
    private String topicSuffix = id;
    String logTopic = "_schemas_" + id;
    final Path stateDir;
    private final Map<String, Object> overrides;
    private ApplicationContext context;
    RegistryHttp http;
    private java.net.URI baseUri;

    private RegistryStack(Map<String, Object> overrides) throws Exception {
        this.overrides = overrides;
        this.stateDir = Files.createTempDirectory("registry-seq-" + id);
    }

    /** Public for the black-box suites in sub-packages (e.g. {@code contract}), which only need start/URI/close. */
    public static RegistryStack start() throws Exception {
        return start(Map.of());
    }

    static RegistryStack start(Map<String, Object> overrides) throws Exception {
        RegistryStack stack = new RegistryStack(overrides);
        stack.startContext();
        return stack;
    }

    /** The API node's base URI, e.g. {@code http://localhost:12345}. */
    public java.net.URI baseUri() {
        return baseUri;
    }

    String bootstrapServers() {
        return SharedTestKafka.get().bootstrapServers();
    }

    /** Properties of every role, for this stack's topics, database and key prefix. */
    Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("registry.kafka.bootstrap-servers", bootstrapServers());
        p.put("registry.topics.log", logTopic);
        p.put("registry.sequencer.state-dir", stateDir.resolve(topicSuffix).toString());
        p.put("registry.topics.commands", "_registry_commands_" + topicSuffix);
        p.put("registry.topics.replies", "_registry_replies_" + topicSuffix);
        p.put("registry.sequencer.application-id", "registry-sequencer-" + topicSuffix);
        p.put("datasources.default.url", database.jdbcUrl());
        p.put("datasources.default.username", TestDatabase.USER);
        p.put("datasources.default.password", "");
        p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        p.put("datasources.default.dialect", "POSTGRES");
        p.put("redis.uri", REDIS_URI);
        p.put("registry.redis.key-prefix", redisPrefix);
        p.put("micronaut.server.port", -1);
        p.put("registry.sequencer.enabled", true);
        p.put("registry.projector.enabled", true);
        p.put("flyway.datasources.default.enabled", true);
        p.putAll(overrides);
        return p;
    }

    private void startContext() {
        context = ApplicationContext.run(EmbeddedServer.class, properties()).getApplicationContext();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        baseUri = server.getURI();
        http = new RegistryHttp(server.getURI());
    }

    /** Stops every role (the data stays in Kafka, Postgres and Redis). */
    void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    void restart() {
        stop();
        startContext();
    }

    /** Restarts every role on a brand-new, empty log, keeping the same Postgres database and Redis prefix. */
    void restartOnNewLog() {
        stop();
        topicSuffix = id + "-" + UUID.randomUUID().toString().substring(0, 4);
        logTopic = "_schemas_" + topicSuffix;
        startContext();
    }

    ApplicationContext context() {
        return context;
    }

    /** Deletes this stack's Redis keys. */
    void wipeRedis() {
        RedisClient client = RedisClient.create(REDIS_URI);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            List<String> keys = c.sync().keys(redisPrefix + "*");
            if (!keys.isEmpty()) {
                c.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            wipeRedis();
            database.close();
        }
    }
}
