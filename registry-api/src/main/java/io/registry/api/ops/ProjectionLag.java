package io.registry.api.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.registry.kafka.LogRecordHeaders;
import io.registry.kafka.config.KafkaSettings;
import io.registry.readmodel.Checkpoint;
import io.registry.readmodel.ProjectionStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * How far each projection of this region is behind the log, in log offsets and in seconds.
 *
 * <p>Offsets: the log's end offset minus the projection's next offset (transaction markers count as offsets, so a
 * caught-up projection may show a lag of 1). Seconds: how long the oldest record the projection has not applied
 * has been waiting (now minus its {@code registry-ts}, the sequencer's decision time), 0 when nothing readable is
 * waiting. This, rather than "newest record's time minus last applied record's time", keeps growing while a
 * projection is stuck and does not jump by the gap between two rare writes the moment the second one lands.
 *
 * <p>Kafka is asked at most once per second for the gauges ({@code registry_projection_lag_offsets},
 * {@code registry_projection_lag_seconds}, {@code registry_projection_applied_seq}); the oldest waiting record is
 * read once per checkpoint position (one seek and a short poll), not at every probe.
 */
public final class ProjectionLag implements AutoCloseable {
    /** One probe: end offset of the log (or -1 with the error) and every projection's checkpoint. */
    public record Probe(long endOffset, String kafkaError, Map<String, Checkpoint> checkpoints,
                        Map<String, String> projectionErrors, Map<String, Double> lagSeconds, long takenAtNanos) {
        public long lag(String projection) {
            Checkpoint c = checkpoints.get(projection);
            return endOffset < 0 || c == null ? -1 : Math.max(0, endOffset - c.nextOffset());
        }

        /** Seconds the oldest unapplied record has waited; 0 when caught up, -1 when unknown. */
        public double lagSeconds(String projection) {
            return lagSeconds.getOrDefault(projection, -1.0);
        }
    }

    /** The oldest unapplied record found for a checkpoint position (timestamp -1: none readable up to {@code end}). */
    private record Oldest(long nextOffset, long end, long timestampMs) {
    }

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final TopicPartition log;
    private final List<ProjectionStore> stores;
    private final Duration timeout;
    private final Map<String, Oldest> oldest = new HashMap<>();
    private volatile Probe last;

    public ProjectionLag(KafkaSettings kafka, List<ProjectionStore> stores, OpsSettings settings,
                         MeterRegistry meters) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.getKafkaTimeout().toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.getKafkaTimeout().toMillis());
        this.admin = Admin.create(p);
        // No group: it only seeks to a checkpoint and reads one record, the way the projector will read it.
        this.reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.getKafkaTimeout().toMillis()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.log = new TopicPartition(kafka.layout().log(), 0);
        this.reader.assign(List.of(log));
        this.stores = List.copyOf(stores);
        this.timeout = settings.getKafkaTimeout();
        for (ProjectionStore store : this.stores) {
            String name = store.name();
            Gauge.builder("registry.projection.lag.offsets", this, l -> l.cached().lag(name))
                    .tag("projection", name).description("log offsets the projection is behind the log's end")
                    .register(meters);
            Gauge.builder("registry.projection.lag.seconds", this, l -> l.cached().lagSeconds(name))
                    .tag("projection", name)
                    .description("seconds the oldest log record the projection has not applied has waited (0: caught up)")
                    .register(meters);
            Gauge.builder("registry.projection.applied.seq", this, l -> {
                Checkpoint c = l.cached().checkpoints().get(name);
                return c == null ? -1 : c.seq();
            }).tag("projection", name).description("log sequence the projection has applied").register(meters);
        }
    }

    /** The last probe when it is younger than a second, else a fresh one. */
    public Probe cached() {
        Probe p = last;
        if (p == null || System.nanoTime() - p.takenAtNanos() > TimeUnit.SECONDS.toNanos(1)) {
            p = probe();
        }
        return p;
    }

    public synchronized Probe probe() {
        long end = -1;
        String kafkaError = null;
        try {
            end = admin.listOffsets(Map.of(log, OffsetSpec.latest())).partitionResult(log)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kafkaError = "interrupted";
        } catch (Exception e) {
            kafkaError = e.getCause() != null ? e.getCause().toString() : e.toString();
        }
        Map<String, Checkpoint> checkpoints = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (ProjectionStore store : stores) {
            try {
                Checkpoint c = store.checkpoint();
                checkpoints.put(store.name(), c);
                if (end >= 0) {
                    seconds.put(store.name(), secondsBehind(store.name(), c.nextOffset(), end));
                }
            } catch (RuntimeException e) {
                errors.put(store.name(), e.toString());
            }
        }
        Probe p = new Probe(end, kafkaError, checkpoints, errors, seconds, System.nanoTime());
        last = p;
        return p;
    }

    private double secondsBehind(String projection, long nextOffset, long end) {
        if (nextOffset >= end) {
            oldest.remove(projection);
            return 0;
        }
        Oldest known = oldest.get(projection);
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
            known = new Oldest(nextOffset, end, ts);
            oldest.put(projection, known);
        }
        return known.timestampMs() < 0 ? 0 : Math.max(0, System.currentTimeMillis() - known.timestampMs()) / 1000.0;
    }

    /**
     * The decision time of the first committed record at or after {@code offset}; -1 when there is none before
     * {@code end} (only transaction markers or aborted records), {@link Long#MIN_VALUE} when the budget ran out.
     */
    private long firstRecordTimestamp(long offset, long end) {
        reader.seek(log, offset);
        // registry.health.kafka-timeout bounds it: the first read also connects the consumer to the broker
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerRecords<byte[], byte[]> records = reader.poll(Duration.ofMillis(50));
            for (ConsumerRecord<byte[], byte[]> r : records) {
                return r.offset() < end ? LogRecordHeaders.timestampMs(r.headers(), r.timestamp()) : -1;
            }
            if (reader.position(log, timeout) >= end) {
                return -1;
            }
        }
        return Long.MIN_VALUE;
    }

    @Override
    public synchronized void close() {
        reader.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }
}
