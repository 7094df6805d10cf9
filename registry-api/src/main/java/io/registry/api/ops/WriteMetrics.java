package io.registry.api.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.registry.api.write.WriteObserver;

import java.util.concurrent.TimeUnit;

/**
 * {@code registry_sequencer_outcomes_total{outcome}} and the two stages of accepted writes,
 * {@code registry_write_stage_seconds{stage="sequencer"|"projection"}}: where a slow write spent its time.
 */
public final class WriteMetrics implements WriteObserver {
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
                .register(meters);
    }

    @Override
    public void outcome(String outcome) {
        meters.counter("registry.sequencer.outcomes", "outcome", outcome).increment();
    }

    @Override
    public void accepted(long sequencerNanos, long projectionNanos) {
        sequencer.record(sequencerNanos, TimeUnit.NANOSECONDS);
        projection.record(projectionNanos, TimeUnit.NANOSECONDS);
    }
}
