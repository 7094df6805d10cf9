package io.registry.streams.sequencer;

import io.registry.core.log.LogRecordReader;
import io.registry.core.subject.MutableRegistryIndex;
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
 * Builds the sequencer's index from the log (ours, or one adopted from Confluent or Karapace) before the first
 * command is decided: committed records only, up to the log's end. The caller has waited for no transaction to be
 * open on the log ({@link StableEnd}), so that end covers everything committed.
 */
final class LogReplay {
    private static final Logger LOG = LoggerFactory.getLogger(LogReplay.class);

    private LogReplay() {
    }

    static void replay(String bootstrapServers, String logTopic, RegistryStateMachine machine,
                       MutableRegistryIndex index) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        TopicPartition partition = new TopicPartition(logTopic, 0);
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
        LOG.info("Sequencer index built from {} existing log records (last sequence {})", applied, lastSeq);
    }
}
