package io.registry.api.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.registry.kafka.config.KafkaSettings;
import io.registry.readmodel.Checkpoint;
import io.registry.readmodel.ProjectionStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * How far each projection of this region is behind the log: the log's end offset minus the projection's next
 * offset (transaction markers count as offsets, so a caught-up projection may show a lag of 1), and in seconds
 * ({@link OldestWaitingRecord}). Kafka is asked at most once per second; the gauges
 * {@code registry_projection_lag_offsets}, {@code registry_projection_lag_seconds},
 * {@code registry_projection_applied_seq} and {@code registry_ready} read the last probe.
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

        /** Whether a projection is within {@code maxLag} offsets of the log's end. */
        public boolean caughtUp(String projection, long maxLag) {
            long l = lag(projection);
            return l >= 0 && l <= maxLag;
        }

        /** Readiness: Kafka answered, and every projection answered and is within {@code maxLag} offsets. */
        public boolean ready(long maxLag) {
            return kafkaError == null && projectionErrors.isEmpty()
                    && checkpoints.keySet().stream().allMatch(p -> caughtUp(p, maxLag));
        }
    }

    private final Admin admin;
    private final TopicPartition log;
    private final List<ProjectionStore> stores;
    private final Duration timeout;
    private final OldestWaitingRecord oldest;
    private volatile Probe last;

    public ProjectionLag(KafkaSettings kafka, List<ProjectionStore> stores, OpsSettings settings,
                         MeterRegistry meters) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.getKafkaTimeout().toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.getKafkaTimeout().toMillis());
        this.admin = Admin.create(p);
        this.log = new TopicPartition(kafka.layout().log(), 0);
        this.oldest = new OldestWaitingRecord(kafka.bootstrapServers(), log, settings.getKafkaTimeout());
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
        long maxLag = settings.getMaxProjectionLag();
        Gauge.builder("registry.ready", this, l -> l.cached().ready(maxLag) ? 1 : 0)
                .description("1 when GET /health/ready answers 200 (Kafka reachable, projections within max lag)")
                .register(meters);
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
                    seconds.put(store.name(), oldest.secondsBehind(store.name(), c.nextOffset(), end));
                }
            } catch (RuntimeException e) {
                errors.put(store.name(), e.toString());
            }
        }
        Probe p = new Probe(end, kafkaError, checkpoints, errors, seconds, System.nanoTime());
        last = p;
        return p;
    }

    @Override
    public synchronized void close() {
        oldest.close();
        admin.close(Duration.ofSeconds(2));
    }
}
