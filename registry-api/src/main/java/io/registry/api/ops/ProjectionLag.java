package io.registry.api.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.registry.kafka.config.KafkaSettings;
import io.registry.readmodel.Checkpoint;
import io.registry.readmodel.ProjectionStore;
import io.registry.readmodel.availability.StoreGuard;
import io.registry.readmodel.availability.StoreGuards;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far each projection of this region is behind the log: the log's end offset minus the projection's next
 * offset (transaction markers count as offsets, so a caught-up projection may show a lag of 1), and in seconds
 * ({@link OldestWaitingRecord}). Kafka is asked at most once per second; the gauges
 * {@code registry_projection_lag_offsets}, {@code registry_projection_lag_seconds},
 * {@code registry_projection_applied_seq} and {@code registry_ready} read the last probe.
 *
 * <p>A probe is bounded: Kafka and the stores are asked in parallel, Kafka within {@code registry.health.
 * kafka-timeout} and each store within {@code registry.health.store-timeout}; a store whose circuit is open is
 * reported down without being asked.
 */
public final class ProjectionLag implements AutoCloseable {
    /**
     * One probe: end offset of the log (or -1 with the error), every projection's checkpoint (or its error), and
     * each store's circuit state.
     */
    public record Probe(long endOffset, String kafkaError, Map<String, Checkpoint> checkpoints,
                        Map<String, String> projectionErrors, Map<String, String> circuits,
                        Map<String, Double> lagSeconds, long takenAtNanos) {
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
    private final Duration storeTimeout;
    private final StoreGuards guards;
    /** Probe threads may stay blocked on a hung store until its client's own timeout: never a request thread. */
    private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "registry-health-probe");
        t.setDaemon(true);
        return t;
    });
    private final OldestWaitingRecord oldest;
    private volatile Probe last;

    public ProjectionLag(KafkaSettings kafka, List<ProjectionStore> stores, OpsSettings settings,
                         MeterRegistry meters, StoreGuards guards) {
        this.guards = guards;
        this.storeTimeout = settings.getStoreTimeout();
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
        KafkaFuture<ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(Map.of(log, OffsetSpec.latest()))
                .partitionResult(log);
        Map<String, CompletableFuture<Checkpoint>> asked = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> circuits = new LinkedHashMap<>();
        for (ProjectionStore store : stores) {
            StoreGuard guard = guards.of(store.name());
            if (guard != null) {
                circuits.put(store.name(), guard.state());
            }
            if (guard != null && !guard.available()) {
                errors.put(store.name(), "store unavailable: circuit open after recent failures");
                continue;
            }
            asked.put(store.name(), CompletableFuture.supplyAsync(
                    () -> guard == null ? store.checkpoint() : guard.call(store::checkpoint), probes));
        }
        long endOffset = -1;
        String kafkaError = null;
        try {
            endOffset = end.get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kafkaError = "interrupted";
        } catch (Exception e) {
            kafkaError = e.getCause() != null ? e.getCause().toString() : e.toString();
        }
        Map<String, Checkpoint> checkpoints = new LinkedHashMap<>();
        long deadline = System.nanoTime() + storeTimeout.toNanos();
        for (Map.Entry<String, CompletableFuture<Checkpoint>> e : asked.entrySet()) {
            try {
                checkpoints.put(e.getKey(), e.getValue().get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS));
            } catch (TimeoutException timedOut) {
                errors.put(e.getKey(), "store unavailable: no answer within " + storeTimeout.toMillis() + " ms");
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                errors.put(e.getKey(), "interrupted");
            } catch (ExecutionException failed) {
                errors.put(e.getKey(), failed.getCause().toString());
            }
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (endOffset >= 0) {
            for (Map.Entry<String, Checkpoint> c : checkpoints.entrySet()) {
                try {
                    seconds.put(c.getKey(), oldest.secondsBehind(c.getKey(), c.getValue().nextOffset(), endOffset));
                } catch (RuntimeException e) {
                    // unknown for now: the gauge reads -1
                }
            }
        }
        Probe p = new Probe(endOffset, kafkaError, checkpoints, errors, circuits, seconds, System.nanoTime());
        last = p;
        return p;
    }

    @Override
    public synchronized void close() {
        probes.shutdownNow();
        oldest.close();
        admin.close(Duration.ofSeconds(2));
    }
}
