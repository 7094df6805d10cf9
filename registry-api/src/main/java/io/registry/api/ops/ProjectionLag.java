package io.registry.api.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.registry.kafka.config.KafkaSettings;
import io.registry.kafka.config.RegionSettings;
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
 * offset (transaction markers count as offsets, so a caught-up projection may show a lag of 1). Kafka is asked at
 * most once per second; the gauges {@code registry_projection_lag_offsets} and
 * {@code registry_projection_applied_seq} read the last probe.
 */
public final class ProjectionLag implements AutoCloseable {
    /** One probe: end offset of the log (or -1 with the error) and every projection's checkpoint. */
    public record Probe(long endOffset, String kafkaError, Map<String, Checkpoint> checkpoints,
                        Map<String, String> projectionErrors, long takenAtNanos) {
        public long lag(String projection) {
            Checkpoint c = checkpoints.get(projection);
            return endOffset < 0 || c == null ? -1 : Math.max(0, endOffset - c.nextOffset());
        }
    }

    private final Admin admin;
    private final TopicPartition log;
    private final List<ProjectionStore> stores;
    private final Duration timeout;
    private volatile Probe last;

    public ProjectionLag(KafkaSettings kafka, RegionSettings region, List<ProjectionStore> stores,
                         OpsSettings settings, MeterRegistry meters) {
        Properties p = new Properties();
        // the log this region's projections follow: its own cluster's copy, or the primary's with log-source=direct
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, region.logBootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.getKafkaTimeout().toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.getKafkaTimeout().toMillis());
        this.admin = Admin.create(p);
        this.log = new TopicPartition(kafka.layout().log(), 0);
        this.stores = List.copyOf(stores);
        this.timeout = settings.getKafkaTimeout();
        for (ProjectionStore store : this.stores) {
            String name = store.name();
            Gauge.builder("registry.projection.lag.offsets", this, l -> l.cached().lag(name))
                    .tag("projection", name).description("log offsets the projection is behind the log's end")
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
        for (ProjectionStore store : stores) {
            try {
                checkpoints.put(store.name(), store.checkpoint());
            } catch (RuntimeException e) {
                errors.put(store.name(), e.toString());
            }
        }
        Probe p = new Probe(end, kafkaError, checkpoints, errors, System.nanoTime());
        last = p;
        return p;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
