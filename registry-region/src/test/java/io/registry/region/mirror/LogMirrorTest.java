package io.registry.region.mirror;

import io.registry.kafka.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two real clusters in this JVM: the primary's log reaches the replica's cluster under its own name, headers kept. */
class LogMirrorTest {
    private static EmbeddedKafkaBroker primary;
    private static EmbeddedKafkaBroker local;

    @BeforeAll
    static void start() {
        primary = EmbeddedKafkaBroker.startTemporary();
        local = EmbeddedKafkaBroker.startTemporary();
    }

    @AfterAll
    static void stop() {
        if (primary != null) {
            primary.close();
        }
        if (local != null) {
            local.close();
        }
    }

    @Test
    void committedRecordsArriveWithTheirHeadersAndAbortedOnesDoNot() throws Exception {
        String topic = "_schemas_mirror_test";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, primary.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, primary.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "mirror-test"), new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            ProducerRecord<String, String> first = new ProducerRecord<>(topic, "k1", "v1");
            first.headers().add("registry-seq", "1".getBytes(StandardCharsets.UTF_8));
            producer.send(first);
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "aborted", "never"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            ProducerRecord<String, String> second = new ProducerRecord<>(topic, "k2", "v2");
            second.headers().add("registry-seq", "2".getBytes(StandardCharsets.UTF_8));
            producer.send(second);
            producer.commitTransaction();
        }

        try (LogMirror mirror = LogMirror.start(primary.bootstrapServers(), local.bootstrapServers(), topic, "test", 1);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, local.bootstrapServers(),
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                     new StringDeserializer(), new StringDeserializer())) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            boolean assigned = false;
            while (seen.size() < 2 && System.nanoTime() < deadline) {
                if (!assigned) {
                    if (consumer.partitionsFor(topic, Duration.ofSeconds(1)).isEmpty()) {
                        Thread.sleep(200);
                        continue;
                    }
                    consumer.assign(List.of(new TopicPartition(topic, 0)));
                    consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
                    assigned = true;
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            assertEquals(List.of("k1", "k2"), seen.stream().map(ConsumerRecord::key).toList());
            assertEquals("2", new String(seen.get(1).headers().lastHeader("registry-seq").value(), StandardCharsets.UTF_8));
        }
    }
}
