package io.registry.api.ops;

import io.registry.kafka.LogRecordHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Projection lag in seconds: how long the oldest log record a projection has not applied has been waiting (now
 * minus its {@code registry-ts}, the sequencer's decision time; the Kafka timestamp for a log adopted from
 * Confluent), 0 when nothing readable is waiting. This, rather than "newest record's time minus last applied
 * record's time", keeps growing while a projection is stuck and does not jump by the gap between two rare writes
 * the moment the second one lands.
 *
 * <p>The record is read once per checkpoint position (a seek and a short poll with a group-less
 * {@code read_committed} consumer), not at every probe. Not thread-safe: the caller serializes.
 */
final class OldestWaitingRecord implements AutoCloseable {
    /** The oldest unapplied record found for a checkpoint position (timestamp -1: none readable up to {@code end}). */
    private record Found(long nextOffset, long end, long timestampMs) {
    }

    private final KafkaConsumer<byte[], byte[]> reader;
    private final TopicPartition log;
    private final Duration timeout;
    private final Map<String, Found> found = new HashMap<>();

    OldestWaitingRecord(String bootstrapServers, TopicPartition log, Duration timeout) {
        this.reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.reader.assign(List.of(log));
        this.log = log;
        this.timeout = timeout;
    }

    /** Seconds the oldest record at or after {@code nextOffset} (before {@code end}) has waited; -1 when unknown. */
    double secondsBehind(String projection, long nextOffset, long end) {
        if (nextOffset >= end) {
            found.remove(projection);
            return 0;
        }
        Found known = found.get(projection);
        // The same checkpoint waits for the same record; re-read only when nothing readable was found before and
        // the log has grown since.
        if (known == null || known.nextOffset() != nextOffset || (known.timestampMs() < 0 && known.end() != end)) {
            long ts;
            try {
                ts = firstRecordTimestamp(nextOffset, end);
            } catch (RuntimeException e) {
                return -1;
            }
            if (ts == Long.MIN_VALUE) {
                return -1;
            }
            known = new Found(nextOffset, end, ts);
            found.put(projection, known);
        }
        return known.timestampMs() < 0 ? 0 : Math.max(0, System.currentTimeMillis() - known.timestampMs()) / 1000.0;
    }

    /**
     * The decision time of the first committed record at or after {@code offset}; -1 when there is none before
     * {@code end} (only transaction markers or aborted records), {@link Long#MIN_VALUE} when the time ran out.
     */
    private long firstRecordTimestamp(long offset, long end) {
        reader.seek(log, offset);
        // the Kafka timeout bounds it: the first read also connects the consumer to the broker
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(50))) {
                return r.offset() < end ? LogRecordHeaders.timestampMs(r.headers(), r.timestamp()) : -1;
            }
            if (reader.position(log, timeout) >= end) {
                return -1;
            }
        }
        return Long.MIN_VALUE;
    }

    @Override
    public void close() {
        reader.close(Duration.ofSeconds(2));
    }
}
