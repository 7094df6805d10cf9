package io.registry.kafka.audit;

import io.registry.core.audit.AuditRecord;
import io.registry.core.audit.AuditVerifier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the audit topic (one partition, committed records only): its last record, from which a sequencer whose
 * index lost the chain's head resumes the chain, and the whole chain for {@code registry audit verify}.
 */
public final class AuditTopic {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private AuditTopic() {
    }

    /** The last committed audit record, if the topic has one. */
    public static Optional<AuditRecord> last(String bootstrapServers, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long begin = consumer.beginningOffsets(List.of(partition), TIMEOUT).get(partition);
            // Transaction markers take offsets too: look back further until a record shows up.
            for (long back = 64; ; back *= 8) {
                long from = Math.max(begin, end - back);
                consumer.seek(partition, from);
                ConsumerRecord<byte[], byte[]> last = null;
                while (consumer.position(partition, TIMEOUT) < end) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.offset() < end) {
                            last = record;
                        }
                    }
                }
                if (last != null) {
                    return Optional.of(AuditRecord.decode(last.value()));
                }
                if (from == begin) {
                    return Optional.empty();
                }
            }
        }
    }

    /** The outcome of walking a whole audit topic. */
    public record Verification(long records, String head, Optional<AuditVerifier.Break> firstBreak) {
    }

    /** Walks the topic from its first record to its end with an {@link AuditVerifier}. */
    public static Verification verify(String bootstrapServers, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        AuditVerifier verifier = new AuditVerifier();
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            if (consumer.partitionsFor(topic, TIMEOUT).isEmpty()) {
                throw new IllegalStateException("No audit topic '" + topic + "' on " + bootstrapServers);
            }
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            boolean going = true;
            while (going && consumer.position(partition, TIMEOUT) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end || !verifier.accept(record.offset(), record.value())) {
                        going = false;
                        break;
                    }
                    records++;
                }
            }
        }
        return new Verification(records, verifier.head(), verifier.finish());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
