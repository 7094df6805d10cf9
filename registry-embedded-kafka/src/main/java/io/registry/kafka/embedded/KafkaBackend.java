package io.registry.kafka.embedded;

/**
 * A running Kafka cluster that clients can reach. Tests and the dev launcher code against this, so the backend
 * (in-JVM KRaft broker or a container) can be swapped without touching them.
 */
public interface KafkaBackend extends AutoCloseable {

    /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:9092}. */
    String bootstrapServers();

    /** Stops the cluster. Bounded in time and idempotent; never throws a checked exception. */
    @Override
    void close();
}
