package io.registry.streams.sequencer;

import io.registry.core.log.LogRecordReader;
import io.registry.core.subject.RegistryStateMachine;
import io.registry.streams.log.ConsumerRecordReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds the sequencer's index from an existing log (one adopted from Confluent or Karapace, or ours after the
 * index's changelog was lost) before the first command is decided.
 */
final class LogReplay {
    private static final Logger LOG = LoggerFactory.getLogger(LogReplay.class);

    private LogReplay() {
    }

    static void replay(String bootstrapServers, String logTopic, RegistryStateMachine machine,
                       StoreRegistryIndex index) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        TopicPartition partition = new TopicPartition(logTopic, 0);
        if (index.resetIfOutdated()) {
            LOG.info("Sequencer index is of an older layout: emptied, rebuilding it from the log");
        }
        long applied = 0;
        long lastSeq = index.lastSeq();
        // the projections' tolerance: a record they skip is skipped here too
        ConsumerRecordReader reader = new ConsumerRecordReader("sequencer replay");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
            while (consumer.position(partition, Duration.ofSeconds(30)) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    LogRecordReader.Read read = reader.read(record, lastSeq);
                    if (!read.skipped()) {
                        machine.apply(read.event(), index);
                        applied++;
                    }
                    lastSeq = Math.max(lastSeq, read.seq());
                }
            }
        }
        index.putLastSeq(lastSeq);
        index.markBootstrapped();
        LOG.info("Sequencer index built from {} existing log records (last sequence {})", applied, lastSeq);
    }
}
