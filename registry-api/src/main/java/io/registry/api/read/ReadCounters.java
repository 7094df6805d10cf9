package io.registry.api.read;

import jakarta.inject.Singleton;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of the read paths that bypass {@link RegistryReads}, kept as plain adders so the hot paths pay one
 * increment and no meter lookup; {@code io.registry.api.ops.ReadMetrics} publishes them.
 */
@Singleton
public final class ReadCounters {
    private final LongAdder answerHits = new LongAdder();
    private final LongAdder answerMisses = new LongAdder();
    private final LongAdder redisFastReads = new LongAdder();

    /** A subject-version answer served from the watermark-tagged answer cache. */
    public void answerHit() {
        answerHits.increment();
    }

    /** A subject-version answer that had to be read again (absent, or tagged with an older watermark). */
    public void answerMiss() {
        answerMisses.increment();
    }

    /** A subject-version answer built from the asynchronous Redis read (no Postgres, no blocking thread). */
    public void redisFastRead() {
        redisFastReads.increment();
    }

    public long answerHits() {
        return answerHits.sum();
    }

    public long answerMisses() {
        return answerMisses.sum();
    }

    public long redisFastReads() {
        return redisFastReads.sum();
    }
}
