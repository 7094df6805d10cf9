package io.registry.testkit.kafka;

import io.registry.kafka.embedded.KafkaBackend;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the registry relies on from the broker: transactions, compaction, no auto-created topics. */
class SharedBrokerFeaturesTest {
    private final String bootstrap = SharedTestKafka.get().bootstrapServers();

    @Test
    void transactionalProducerAndReadCommittedConsumer() throws Exception {
        String topic = KafkaTestClients.unique("tx");
        KafkaTestClients.createTopic(bootstrap, topic, Map.of());
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(bootstrap,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, KafkaTestClients.unique("tx-id")))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "b", "committed-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "c", "aborted")).get(10, TimeUnit.SECONDS);
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "d", "committed-3"));
            producer.commitTransaction();
        }
        List<String> committed = KafkaTestClients.readAll(bootstrap, topic, "read_committed").stream()
                .map(ConsumerRecord::value).toList();
        assertEquals(List.of("committed-1", "committed-2", "committed-3"), committed);
        List<String> uncommitted = KafkaTestClients.readAll(bootstrap, topic, "read_uncommitted").stream()
                .map(ConsumerRecord::value).toList();
        assertTrue(uncommitted.contains("aborted"), "the aborted record is in the log, only hidden: " + uncommitted);
    }

    @Test
    void zombieProducerIsFenced() throws Exception {
        String topic = KafkaTestClients.unique("fence");
        KafkaTestClients.createTopic(bootstrap, topic, Map.of());
        String txId = KafkaTestClients.unique("fence-id");
        try (KafkaProducer<String, String> old = KafkaTestClients.producer(bootstrap, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, txId));
             KafkaProducer<String, String> current = KafkaTestClients.producer(bootstrap, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, txId))) {
            old.initTransactions();
            current.initTransactions(); // bumps the epoch: the old one is now a zombie
            old.beginTransaction();
            var e = assertThrows(Exception.class, () -> {
                old.send(new ProducerRecord<>(topic, "k", "zombie")).get(10, TimeUnit.SECONDS);
                old.commitTransaction();
            });
            // Depending on where the bumped epoch is noticed: ProducerFencedException or InvalidProducerEpochException.
            String error = e + " / " + e.getCause();
            assertTrue(error.contains("Fenced") || error.contains("InvalidProducerEpoch"), "expected fencing, got " + error);
        }
        assertEquals(List.of(), KafkaTestClients.readAll(bootstrap, topic, "read_committed"));
    }

    @Test
    void compactionReallyRuns() throws Exception {
        String topic = KafkaTestClients.unique("compact");
        // Tiny segments and a low dirty ratio so the cleaner has work within seconds.
        KafkaTestClients.createTopic(bootstrap, topic, Map.of(
                "cleanup.policy", "compact",
                "segment.ms", "100",
                "min.cleanable.dirty.ratio", "0.01",
                "delete.retention.ms", "100"));
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(bootstrap, Map.of())) {
            for (int i = 0; i < 50; i++) {
                producer.send(new ProducerRecord<>(topic, "same-key", "v" + i)).get(10, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                Thread.sleep(200);
                // Each append after segment.ms rolls a segment, making the older ones cleanable.
                producer.send(new ProducerRecord<>(topic, "other-key", "x")).get(10, TimeUnit.SECONDS);
                List<ConsumerRecord<String, String>> records = KafkaTestClients.readAll(bootstrap, topic, "read_committed");
                long sameKey = records.stream().filter(r -> r.key().equals("same-key")).count();
                if (sameKey == 1) {
                    assertEquals("v49", records.stream().filter(r -> r.key().equals("same-key")).findFirst().orElseThrow().value());
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("log cleaner did not compact " + topic + ": still " + sameKey + " records for same-key");
                }
            }
        }
    }

    @Test
    void topicsAreNotAutoCreated() throws Exception {
        String topic = KafkaTestClients.unique("never-created");
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(bootstrap, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1500"))) {
            assertThrows(Exception.class, () -> producer.send(new ProducerRecord<>(topic, "k", "v")).get(5, TimeUnit.SECONDS));
        }
        try (Admin admin = KafkaTestClients.admin(bootstrap)) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertTrue(!names.contains(topic), "topic was auto-created");
        }
    }

    @Test
    void sharedInstanceIsOneAndCannotBeClosedByATest() throws Exception {
        KafkaBackend shared = SharedTestKafka.get();
        assertSame(shared, SharedTestKafka.get());
        shared.close();
        try (Admin admin = KafkaTestClients.admin(shared.bootstrapServers())) {
            assertEquals(1, admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size());
        }
    }
}
