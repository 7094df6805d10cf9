package io.registry.testkit.kafka;

import io.registry.kafka.embedded.EmbeddedKafkaBroker;
import io.registry.kafka.embedded.KafkaBackend;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A single-node Kafka in a Docker container ({@code apache/kafka} image), set up like {@link EmbeddedKafkaBroker}.
 * Needs a Docker engine and the optional {@code org.testcontainers:kafka} dependency on the classpath; this class is
 * only loaded when chosen, so the embedded broker works without either. The image can be overridden with the system
 * property {@code registry.test.kafka.image}.
 */
public final class TestcontainersKafka implements KafkaBackend {
    private static final Logger LOG = LoggerFactory.getLogger(TestcontainersKafka.class);
    static final String DEFAULT_IMAGE = "apache/kafka:4.3.1";

    private final KafkaContainer container;

    private TestcontainersKafka(KafkaContainer container) {
        this.container = container;
    }

    public static TestcontainersKafka start() {
        String image = System.getProperty("registry.test.kafka.image", DEFAULT_IMAGE);
        // Same broker behaviour as the embedded node: no topic auto-creation, no rebalance delay, RF 1 internals
        // (the container module already sets the offsets/transaction replication factors to 1).
        KafkaContainer container = new KafkaContainer(image)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "4")
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "4")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                .withEnv("KAFKA_LOG_CLEANER_BACKOFF_MS", "1000");
        long started = System.nanoTime();
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new IllegalStateException("Could not start Kafka container " + image
                    + " (is a Docker engine running?): " + e.getMessage(), e);
        }
        LOG.info("Kafka container {} ready at {} in {} ms", image, container.getBootstrapServers(),
                (System.nanoTime() - started) / 1_000_000);
        return new TestcontainersKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.close();
    }
}
