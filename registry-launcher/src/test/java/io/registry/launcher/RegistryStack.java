package io.registry.launcher;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.registry.testkit.kafka.SharedTestKafka;
import io.registry.testkit.ReadModelProperties;
import io.registry.testkit.RedisKeyspace;
import io.registry.testkit.ThrowawayDatabase;

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
    final String id = UUID.randomUUID().toString().substring(0, 8);
    final ThrowawayDatabase database = ThrowawayDatabase.create();
    final RedisKeyspace redis = RedisKeyspace.create();
    final String redisPrefix = redis.prefix();
    private String topicSuffix = id;
    String logTopic = "_schemas_" + id;
    final Path stateDir;
    private final Map<String, Object> overrides;
    private ApplicationContext context;
    RegistryHttp http;
    private java.net.URI baseUri;

    private RegistryStack(Map<String, Object> overrides) throws Exception {
        this.overrides = new HashMap<>(overrides);
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

    /** The shared test broker, unless the overrides point this stack at another cluster. */
    String bootstrapServers() {
        Object own = overrides.get("registry.kafka.bootstrap-servers");
        return own != null ? own.toString() : SharedTestKafka.get().bootstrapServers();
    }

    /** Properties of every role, for this stack's topics, database and key prefix. */
    Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("registry.kafka.bootstrap-servers", bootstrapServers());
        p.put("registry.topics.log", logTopic);
        p.put("registry.sequencer.state-dir", stateDir.resolve(topicSuffix).toString());
        p.put("registry.topics.commands", "_registry_commands_" + topicSuffix);
        p.put("registry.topics.replies", "_registry_replies_" + topicSuffix);
        p.put("registry.topics.audit", auditTopic());
        p.put("registry.sequencer.application-id", "registry-sequencer-" + topicSuffix);
        p.putAll(ReadModelProperties.of(database, redis));
        p.put("micronaut.server.port", -1);
        p.put("registry.sequencer.enabled", true);
        p.put("registry.projector.enabled", true);
        p.put("flyway.datasources.default.enabled", true);
        p.putAll(overrides);
        return p;
    }

    /**
     * Properties of a sequencer-only node in its own JVM (see {@link RegistryProcess}) for this stack, with its own
     * local state directory (as on another machine; the index is rebuilt from the log either way).
     */
    Map<String, Object> sequencerNodeProperties(String name, Map<String, Object> extra) {
        Map<String, Object> p = properties();
        p.put("registry.sequencer.enabled", true);
        p.put("registry.projector.enabled", false);
        p.put("flyway.datasources.default.enabled", false);
        p.remove("micronaut.server.port");
        p.put("registry.sequencer.state-dir", stateDir.resolve(name).toString());
        p.putAll(extra);
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

    /** Restarts every role with some settings changed (e.g. a replica region promoted to primary). */
    void restart(Map<String, Object> changes) {
        stop();
        overrides.putAll(changes);
        startContext();
    }

    /** Restarts every role on a brand-new, empty log, keeping the same Postgres database and Redis prefix. */
    void restartOnNewLog() {
        stop();
        topicSuffix = id + "-" + UUID.randomUUID().toString().substring(0, 4);
        logTopic = "_schemas_" + topicSuffix;
        startContext();
    }

    /** This stack's audit topic (the chain spans log restarts, as it would on one cluster). */
    String auditTopic() {
        return "_registry_audit_" + id;
    }

    ApplicationContext context() {
        return context;
    }

    /** Deletes this stack's Redis keys. */
    void wipeRedis() {
        redis.wipe();
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            redis.close();
            database.close();
        }
    }
}
