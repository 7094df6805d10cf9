package io.registry.region.promotion;

import io.registry.core.log.LogEvent;
import io.registry.core.log.LogRecordCodec;
import io.registry.core.region.RegionEpoch;
import io.registry.kafka.region.RegionDirectory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Makes a replica region the primary once its primary is lost: reads the highest schema id on the region's copy
 * of the log, and writes the region's new epoch (one above every epoch it can see) with an id floor above that id
 * into the region's own directory. The region then runs as a primary: its sequencer gives no id below the floor,
 * and the old primary, once it can reach this region again, finds the higher epoch and refuses every write
 * ({@code RegionFence}). Run with the region's mirror stopped (the region restarted without {@code --replica-of}).
 */
public final class Promotion {
    private Promotion() {
    }

    /** What was written, for the operator. */
    public record Result(RegionEpoch epoch, int maxIdOnLog, long previousEpoch) {
    }

    /**
     * @param idGap ids skipped above the highest one on the copy: room for writes the lost primary acknowledged but
     *              never mirrored
     */
    public static Result promote(String region, String bootstrap, String logTopic, String directoryTopic,
                                 short replicationFactor, String primaryBootstrapOrNull, int idGap, Duration timeout) {
        RegionDirectory.ensureTopic(bootstrap, directoryTopic, replicationFactor, timeout);
        RegionDirectory.Snapshot own = RegionDirectory.read(bootstrap, directoryTopic, timeout);
        long highest = own.epochOr(region).epoch();
        if (primaryBootstrapOrNull != null && !primaryBootstrapOrNull.isBlank()) {
            try {
                highest = Math.max(highest,
                        RegionDirectory.read(primaryBootstrapOrNull, directoryTopic, timeout).epochOr("primary").epoch());
            } catch (RuntimeException unreachable) {
                // the usual case: the primary is lost; its epoch cannot be higher than what this region mirrored
            }
        }
        int maxId = maxSchemaId(bootstrap, logTopic, timeout);
        RegionEpoch epoch = RegionEpoch.promote(region, highest, maxId, idGap, System.currentTimeMillis());
        RegionDirectory.writeEpoch(bootstrap, directoryTopic, epoch, timeout);
        return new Result(epoch, maxId, own.epochOr(region).epoch());
    }

    /** The highest schema id in any context on the log (0 for an empty log). */
    static int maxSchemaId(String bootstrap, String logTopic, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            if (consumer.partitionsFor(logTopic, timeout).isEmpty()) {
                return 0;
            }
            TopicPartition tp = new TopicPartition(logTopic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
            int max = 0;
            while (consumer.position(tp, timeout) < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    max = Math.max(max, idOf(r));
                }
            }
            return max;
        }
    }

    private static int idOf(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return 0;
        }
        try {
            LogEvent event = LogRecordCodec.decode(record.key(), record.value());
            return event.value() instanceof io.registry.core.log.LogValue.SchemaValue s ? s.id() : 0;
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }
}
