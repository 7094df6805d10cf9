package io.registry.api.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.registry.api.write.WriteObserver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code registry_sequencer_outcomes_total{outcome,error_code}} ({@code error_code} is Confluent's code of a
 * rejection, timeout or error, {@code none} otherwise: Prometheus wants one label set per metric) and the two stages of accepted writes,
 * {@code registry_write_stage_seconds{stage="sequencer"|"projection"}}: where a slow write spent its time.
 */
public final class WriteMetrics implements WriteObserver {
    /** One line per write (DEBUG; WARN when the sequencer could not be reached), with the request id from the MDC. */
    private static final Logger LOG = LoggerFactory.getLogger(WriteMetrics.class);
    private final MeterRegistry meters;
    private final Timer sequencer;
    private final Timer projection;

    public WriteMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.sequencer = stage(meters, "sequencer");
        this.projection = stage(meters, "projection");
    }

    private static Timer stage(MeterRegistry meters, String stage) {
        return Timer.builder("registry.write.stage")
                .description("Time an accepted write waited for the sequencer's reply, then for the projections")
                .tag("stage", stage)
                // buckets for p50/p99 in Prometheus (histogram_quantile), from a lone write to a congested one
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10))
                .register(meters);
    }

    @Override
    public void outcome(String outcome, int errorCode) {
        meters.counter("registry.sequencer.outcomes", "outcome", outcome,
                "error_code", errorCode == 0 ? "none" : Integer.toString(errorCode)).increment();
        if (outcome.equals("timeout") || outcome.equals("error")) {
            LOG.warn("Write failed: {} (error code {})", outcome, errorCode);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("Write {}{}", outcome, errorCode == 0 ? "" : " (error code " + errorCode + ")");
        }
    }

    @Override
    public void accepted(long sequencerNanos, long projectionNanos) {
        sequencer.record(sequencerNanos, TimeUnit.NANOSECONDS);
        projection.record(projectionNanos, TimeUnit.NANOSECONDS);
    }
}
