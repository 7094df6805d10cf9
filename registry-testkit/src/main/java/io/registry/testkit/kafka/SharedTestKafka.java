package io.registry.testkit.kafka;

import io.registry.kafka.embedded.EmbeddedKafkaBroker;
import io.registry.kafka.embedded.KafkaBackend;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The one Kafka of a test JVM. Starting a broker per test class costs seconds and stopping one under connected
 * clients costs more (their retries), so every test shares this one and isolates itself with unique topic,
 * group and transactional ids.
 *
 * <p>Meant for test JVMs, whose runner ends with {@code System.exit} and so runs the stopping hook. From a plain
 * {@code main} the broker's non-daemon threads would keep the JVM alive; use {@link EmbeddedKafkaBroker} there.
 *
 * <p>Backend: system property {@code registry.test.kafka} or environment variable {@code REGISTRY_TEST_KAFKA},
 * {@code embedded} (default) or {@code testcontainers}.
 */
public final class SharedTestKafka {
    private static final Logger LOG = LoggerFactory.getLogger(SharedTestKafka.class);
    static final String PROPERTY = "registry.test.kafka";
    static final String ENV = "REGISTRY_TEST_KAFKA";

    private static KafkaBackend backend;
    private static RuntimeException startFailure;

    private SharedTestKafka() {
    }

    /**
     * The shared backend, started on first use and stopped by a JVM shutdown hook. Its {@code close()} does nothing,
     * so a test's try-with-resources cannot pull the broker from under the other tests.
     */
    public static synchronized KafkaBackend get() {
        if (backend != null) {
            return backend;
        }
        if (startFailure != null) {
            // Fail fast: every later test would otherwise wait for the same start to fail again.
            throw new IllegalStateException("The shared test Kafka failed to start earlier: " + startFailure.getMessage(), startFailure);
        }
        try {
            KafkaBackend started = startChosen();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-test-kafka-stop"));
            backend = new Unclosable(started);
            return backend;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }

    private static KafkaBackend startChosen() {
        String choice = System.getProperty(PROPERTY);
        if (choice == null || choice.isBlank()) {
            choice = System.getenv(ENV);
        }
        choice = choice == null || choice.isBlank() ? "embedded" : choice.trim().toLowerCase(Locale.ROOT);
        LOG.info("Starting the shared test Kafka ({})", choice);
        if (choice.equals("embedded")) {
            return EmbeddedKafkaBroker.startTemporary();
        }
        if (choice.equals("testcontainers")) {
            return TestcontainersKafka.start();
        }
        throw new IllegalArgumentException("Unknown " + PROPERTY + "/" + ENV + " value '" + choice
                + "': use 'embedded' or 'testcontainers'");
    }

    /** The shared instance as handed to tests: closing it is a no-op, the shutdown hook owns its lifetime. */
    private static final class Unclosable implements KafkaBackend {
        private final KafkaBackend delegate;

        Unclosable(KafkaBackend delegate) {
            this.delegate = delegate;
        }

        @Override
        public String bootstrapServers() {
            return delegate.bootstrapServers();
        }

        @Override
        public void close() {
            // Deliberately nothing: see SharedTestKafka#get.
        }

        @Override
        public String toString() {
            return "shared " + delegate;
        }
    }
}
