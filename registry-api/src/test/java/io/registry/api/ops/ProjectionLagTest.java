package io.registry.api.ops;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.registry.core.log.LogHeaders;
import io.registry.kafka.LogRecordHeaders;
import io.registry.kafka.config.KafkaSettings;
import io.registry.kafka.config.RegionSettings;
import io.registry.readmodel.availability.CircuitBreakerSettings;
import io.registry.readmodel.availability.StoreGuards;
import io.registry.testkit.kafka.SharedTestKafka;
import io.registry.readmodel.Checkpoint;
import io.registry.readmodel.PositionedEvent;
import io.registry.readmodel.ProjectionStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Projection lag in seconds against a real broker: the age of the oldest record a projection has not applied,
 * taken from its {@code registry-ts} header (else the Kafka timestamp, for a log adopted from Confluent). The
 * records are stamped minutes in the past, so the assertions do not depend on how fast the test runs.
 */
class ProjectionLagTest {
    private static final long MINUTE = 60_000;
    private static String topic;

    /** A projection that has applied the log up to {@code nextOffset}. */
    private record FixedStore(String name, long nextOffset) implements ProjectionStore {
        public Optional<String> boundLog() {
            return Optional.empty();
        }

        public void rebind(String logId) {
        }

        public Checkpoint checkpoint() {
            return new Checkpoint(nextOffset, nextOffset);
        }

        public void apply(Checkpoint from, List<PositionedEvent> batch) {
            throw new UnsupportedOperationException();
        }
    }

    @BeforeAll
    static void log() throws Exception {
        topic = "_schemas_lag_" + UUID.randomUUID().toString().substring(0, 8);
        String bootstrap = SharedTestKafka.get().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        long now = System.currentTimeMillis();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            // offset 0: decided 10 minutes ago; 1: 5 minutes ago; 2: no registry-ts, Kafka timestamp 3 minutes ago
            producer.send(new ProducerRecord<>(topic, 0, now, new byte[] {1}, new byte[] {1},
                    LogRecordHeaders.of(1, null, null, now - 10 * MINUTE))).get();
            producer.send(new ProducerRecord<>(topic, 0, now, new byte[] {2}, new byte[] {2},
                    LogRecordHeaders.of(2, null, null, now - 5 * MINUTE))).get();
            producer.send(new ProducerRecord<>(topic, 0, now - 3 * MINUTE, new byte[] {3}, new byte[] {3})).get();
        }
    }

    private static ProjectionLag lagOf(SimpleMeterRegistry meters, ProjectionStore... stores) {
        KafkaSettings kafka = new KafkaSettings(SharedTestKafka.get().bootstrapServers(), topic, "c", "r", 1, (short) 1, 1,
                "a");
        return new ProjectionLag(kafka, RegionSettings.primary(kafka), List.of(stores), new OpsSettings(), meters,
                new StoreGuards(new CircuitBreakerSettings()));
    }

    @Test
    void secondsAreTheAgeOfTheOldestUnappliedRecord() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (ProjectionLag lag = lagOf(meters, new FixedStore("empty", 0), new FixedStore("middle", 1),
                new FixedStore("adopted", 2), new FixedStore("caught-up", 3))) {
            ProjectionLag.Probe probe = lag.probe();
            assertEquals(3, probe.endOffset());
            assertEquals(3, probe.lag("empty"));
            assertBetween(10 * 60, 11 * 60, probe.lagSeconds("empty"));
            assertBetween(5 * 60, 6 * 60, probe.lagSeconds("middle"));
            assertBetween(3 * 60, 4 * 60, probe.lagSeconds("adopted"));
            assertEquals(0, probe.lag("caught-up"));
            assertEquals(0.0, probe.lagSeconds("caught-up"));

            double gauge = meters.get("registry.projection.lag.seconds").tag("projection", "middle").gauge().value();
            assertBetween(5 * 60, 6 * 60, gauge);
            // a second probe reuses the record found for the unchanged checkpoint, and the age keeps growing
            assertTrue(lag.probe().lagSeconds("middle") >= probe.lagSeconds("middle"));
        }
    }

    private static void assertBetween(double low, double high, double actual) {
        assertTrue(actual >= low && actual < high, actual + " not in [" + low + ", " + high + ")");
    }

    @Test
    void headerDecodingFallsBackToTheRecordTimestamp() {
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        assertEquals(42, LogRecordHeaders.timestampMs(headers, 42));
        headers.add(LogHeaders.TIMESTAMP, LogHeaders.encodeLong(7));
        assertEquals(7, LogRecordHeaders.timestampMs(headers, 42));
    }
}
