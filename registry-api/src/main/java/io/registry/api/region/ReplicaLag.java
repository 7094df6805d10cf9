package io.registry.api.region;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.registry.api.ops.ProjectionLag;
import io.registry.core.log.LogHeaders;
import io.registry.kafka.config.RegionSettings;
import io.registry.readmodel.Checkpoint;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How far a replica region is behind its primary, in sequences and in seconds. Once a second it reads the newest
 * {@code registry-seq} on the primary's log (the last few records: sequences, unlike offsets, mean the same in both
 * clusters) and compares it with what this region's projections have applied.
 *
 * <p>Seconds behind = time since this region last knew it had everything the primary had; 0 while it does. That
 * one figure bounds how old a replica's answer can be, whether the cause is a slow mirror or a primary that cannot
 * be reached at all (then it keeps growing, which is the truth: nobody here knows what the primary did since).
 */
public final class ReplicaLag implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaLag.class);
    /** Offsets read back from the end: enough to find a record among transaction markers. */
    private static final int TAIL = 64;

    /** One look at both sides. */
    public record State(boolean primaryReachable, long primarySeq, long appliedSeq, double secondsBehind,
                        String error) {
        public long sequencesBehind() {
            return primarySeq < 0 ? -1 : Math.max(0, primarySeq - appliedSeq);
        }
    }

    private final RegionSettings region;
    private final ProjectionLag projections;
    private final String logTopic;
    private final KafkaConsumer<byte[], byte[]> primaryLog;
    private final ScheduledExecutorService timer;
    private volatile State state;
    private volatile long caughtUpAtNanos = System.nanoTime();
    private long lastEnd = -1;
    private long lastPrimarySeq = -1;

    public ReplicaLag(RegionSettings region, ProjectionLag projections, String logTopic, MeterRegistry meters) {
        this.region = region;
        this.projections = projections;
        this.logTopic = logTopic;
        int timeoutMs = (int) Math.max(500, Math.min(region.primaryTimeout().toMillis(), 5000));
        this.primaryLog = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, region.primaryBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.state = new State(false, -1, -1, 0, "not checked yet");
        Gauge.builder("registry.region.lag.sequences", this, l -> l.state().sequencesBehind())
                .description("log sequences this replica region's projections are behind the primary's log")
                .register(meters);
        Gauge.builder("registry.region.lag.seconds", this, l -> l.state().secondsBehind())
                .description("seconds since this replica region last had everything the primary had")
                .register(meters);
        Gauge.builder("registry.region.primary.reachable", this, l -> l.state().primaryReachable() ? 1 : 0)
                .description("1 when the primary region's Kafka cluster answered the last check").register(meters);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "registry-replica-lag");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, 0, 1, TimeUnit.SECONDS);
    }

    public State state() {
        return state;
    }

    /** Whether answers here are older than the configured bound ({@code registry.region.max-staleness}). */
    public boolean stale() {
        Duration bound = region.maxStaleness();
        return !bound.isZero() && state.secondsBehind() > bound.toMillis() / 1000.0;
    }

    void check() {
        long applied = appliedSeq();
        String error = null;
        boolean reachable = false;
        try {
            lastPrimarySeq = primarySeq();
            reachable = true;
        } catch (RuntimeException e) {
            error = e.getMessage();
            LOG.debug("Primary log not readable: {}", e.getMessage());
        }
        long now = System.nanoTime();
        if (reachable && applied >= 0 && applied >= lastPrimarySeq) {
            caughtUpAtNanos = now;
        }
        double behind = (now - caughtUpAtNanos) / 1e9;
        state = new State(reachable, lastPrimarySeq, applied, behind < 1.0 && reachable ? 0 : behind, error);
    }

    private long appliedSeq() {
        long min = Long.MAX_VALUE;
        Map<String, Checkpoint> checkpoints = projections.cached().checkpoints();
        for (Checkpoint c : checkpoints.values()) {
            min = Math.min(min, c.seq());
        }
        return checkpoints.isEmpty() ? -1 : min;
    }

    /** The newest sequence on the primary's log (0 for an empty log). */
    private long primarySeq() {
        TopicPartition tp = new TopicPartition(logTopic, 0);
        if (primaryLog.assignment().isEmpty()) {
            primaryLog.assign(List.of(tp));
        }
        long end = primaryLog.endOffsets(List.of(tp)).get(tp);
        if (end == lastEnd) {
            return lastPrimarySeq;
        }
        long newest = 0;
        primaryLog.seek(tp, Math.max(0, end - TAIL));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (primaryLog.position(tp) < end && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : primaryLog.poll(Duration.ofMillis(100))) {
                Header seq = r.headers().lastHeader(LogHeaders.SEQ);
                if (seq != null && seq.value() != null && seq.value().length == Long.BYTES) {
                    newest = Math.max(newest, LogHeaders.decodeLong(seq.value()));
                }
            }
        }
        lastEnd = end;
        return newest;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        primaryLog.close(Duration.ofSeconds(2));
    }
}
