package io.registry.testkit.kafka;

import io.registry.kafka.embedded.EmbeddedKafkaBroker;
import io.registry.kafka.embedded.KafkaBackend;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedKafkaBrokerTest {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBrokerTest.class);

    @Test
    void dataAndClusterIdSurviveRestartOnSamePortAndOnNewPort(@TempDir Path dir) throws Exception {
        String topic = KafkaTestClients.unique("durable");
        String clusterId;
        int firstPort;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0)) {
            assertEquals(dir, broker.dataDir());
            firstPort = port(broker);
            clusterId = clusterId(broker);
            KafkaTestClients.createTopic(broker.bootstrapServers(), topic, Map.of());
            try (KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers(), Map.of())) {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(10, TimeUnit.SECONDS);
                }
            }
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, firstPort)) {
            assertEquals(firstPort, port(broker));
            assertEquals(clusterId, clusterId(broker));
            assertEquals(List.of("v0", "v1", "v2", "v3", "v4"), values(broker, topic));
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0)) {
            assertEquals(clusterId, clusterId(broker));
            assertEquals(5, values(broker, topic).size());
        }
    }

    @Test
    void temporaryBrokerStartsQuicklyStopsPromptlyAndDeletesItsDirectory() throws Exception {
        long t0 = System.nanoTime();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
        long startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        Path dir = broker.dataDir();
        try {
            String topic = KafkaTestClients.unique("prompt");
            KafkaTestClients.createTopic(broker.bootstrapServers(), topic, Map.of());
            // A client still connected while the broker stops must not slow the stop down.
            try (KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers(), Map.of())) {
                producer.send(new ProducerRecord<>(topic, "k", "v")).get(10, TimeUnit.SECONDS);
                long t1 = System.nanoTime();
                broker.close();
                long stopMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
                LOG.info("Temporary embedded broker: start {} ms, stop {} ms", startMs, stopMs);
                assertTrue(stopMs < 10_000, "close() took " + stopMs + " ms");
            }
        } finally {
            broker.close(); // idempotent
        }
        assertFalse(Files.exists(dir), "temporary directory should be deleted: " + dir);
    }

    @Test
    void portInUseIsAPlainMessage(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> EmbeddedKafkaBroker.start(dir, taken.getLocalPort()).close());
            assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
        }
    }

    @Test
    void unusableDataDirIsAPlainMessage(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EmbeddedKafkaBroker.start(file.resolve("data"), 0).close());
        assertTrue(e.getMessage().contains("not a writable directory"), e.getMessage());
        assertTrue(e.getMessage().contains(file.resolve("data").toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void aSecondNodeOnTheSameDataDirIsRefusedWithoutHarmingTheFirst(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dir, 0)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> EmbeddedKafkaBroker.start(dir, 0).close());
            assertTrue(e.getMessage().contains("already used by another running embedded Kafka"), e.getMessage());
            String topic = KafkaTestClients.unique("still-fine");
            KafkaTestClients.createTopic(first.bootstrapServers(), topic, Map.of());
        }
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(dir, 0)) {
            assertTrue(clusterId(again).length() > 0);
        }
    }

    @Test
    void invalidPortIsRejected(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> EmbeddedKafkaBroker.start(dir, 70000));
    }

    private static int port(KafkaBackend broker) {
        String bootstrap = broker.bootstrapServers();
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    private static String clusterId(KafkaBackend broker) throws Exception {
        try (Admin admin = KafkaTestClients.admin(broker.bootstrapServers())) {
            return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        }
    }

    private static List<String> values(KafkaBackend broker, String topic) {
        return KafkaTestClients.readAll(broker.bootstrapServers(), topic, "read_committed").stream()
                .map(ConsumerRecord::value).toList();
    }
}
