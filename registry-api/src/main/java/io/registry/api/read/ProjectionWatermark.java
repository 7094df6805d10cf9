package io.registry.api.read;

import io.registry.readmodel.ProgressNotices;
import io.registry.readmodel.ProjectionProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The log sequence this region's projections have applied, and waits for a given sequence. One poller thread
 * serves every waiter, so waiting costs no thread per request. The projection stores announce each commit with its
 * last sequence ({@link ProgressNotices}), atomically with it: a notice moves that store's progress and wakes the
 * poller, which releases the waiters, without reading any checkpoint. The checkpoints are read on a slow fallback
 * poll (notices can be lost; reads also tell a store that is down), quickly only while notices are not arriving.
 *
 * <p>A store that is down (its circuit open) is not waited for: reads are served by the stores that are up, so a
 * wait ends when those have applied the sequence, and says which projections are still pending. While every store is
 * down, waits end at once.
 */
public final class ProjectionWatermark implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionWatermark.class);
    /**
     * Checkpoint reads while someone waits and no notice came for {@link #NOTICES_QUIET_NANOS}: the fallback for
     * lost notices (a reconnect, a pooler that drops LISTEN); writes stay correct, only slower.
     */
    private static final long BUSY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * Checkpoint reads otherwise: idle, or busy while notices arrive. Bounds how soon a store that went down stops
     * being waited for, and the staleness of the {@code X-Registry-Seq} header when notices are lost. Under a steady
     * write load this replaced ~100 checkpoint reads a second per store (one every 10 ms) with 4.
     */
    private static final long SLOW_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long NOTICES_QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * Where a wait ended: {@code seq} is what the stores that are up have applied; {@code pending} names the
     * projections that have not applied the awaited sequence (down, or behind at the deadline), empty when all did.
     */
    public record Visibility(long seq, Set<String> pending) {
        public boolean complete() {
            return pending.isEmpty();
        }
    }

    private record Progress(long applied, Map<String, OptionalLong> byStore) {
    }

    private final ProjectionProgress stores;
    /** Guarded by itself: adds and releases are short, and a lock keeps a waiter from being orphaned. */
    private final TreeMap<Long, List<CompletableFuture<Visibility>>> waiters = new TreeMap<>();
    private final Thread poller;
    private volatile Progress progress = new Progress(0, Map.of());
    private volatile boolean running = true;
    /** Sequences announced since the poller last looked, by store (written by the notices' threads). */
    private final ConcurrentHashMap<String, Long> announced = new ConcurrentHashMap<>();
    private volatile boolean resyncRequested = true;
    private volatile long lastNoticeNanos = System.nanoTime() - NOTICES_QUIET_NANOS;

    public ProjectionWatermark(ProjectionProgress stores, List<ProgressNotices> notices) {
        this.stores = stores;
        this.poller = new Thread(this::poll, "registry-projection-watermark");
        this.poller.setDaemon(true);
        this.poller.start();
        notices.forEach(n -> n.listen(new ProgressNotices.Listener() {
            @Override
            public void applied(long seq) {
                announced.merge(n.store(), seq, Math::max);
                lastNoticeNanos = System.nanoTime();
                wake();
            }

            @Override
            public void resync() {
                resyncRequested = true;
                wake();
            }
        }));
    }

    /**
     * A store announced a commit (or asked for a re-read): let the poller act now rather than at its next poll. A
     * notice that lands while the poller is busy is not lost: unpark leaves a permit, so its next park returns at once.
     */
    private void wake() {
        LockSupport.unpark(poller);
    }

    /** The last sequence seen applied by every store that is up (a lower bound of what reads reflect). */
    public long applied() {
        return progress.applied();
    }

    /**
     * Completes when the stores that are up have applied {@code seq} (at once when none is up), naming the
     * projections still pending; after {@code timeout}, completes with those that had not got there.
     */
    public CompletableFuture<Visibility> await(long seq, Duration timeout) {
        Progress now = progress;
        if (reached(now, seq)) {
            return CompletableFuture.completedFuture(visibility(now, seq));
        }
        CompletableFuture<Visibility> future = new CompletableFuture<>();
        synchronized (waiters) {
            waiters.computeIfAbsent(seq, s -> new ArrayList<>()).add(future);
        }
        LockSupport.unpark(poller);
        return future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> error instanceof TimeoutException
                        ? CompletableFuture.completedFuture(visibility(progress, seq))
                        : CompletableFuture.failedFuture(error));
    }

    /** Every store that is up has applied {@code seq}; vacuously true while none is up. */
    private static boolean reached(Progress p, long seq) {
        boolean anyUp = false;
        for (OptionalLong s : p.byStore().values()) {
            if (s.isPresent()) {
                anyUp = true;
                if (s.getAsLong() < seq) {
                    return false;
                }
            }
        }
        // none up: nothing to wait for (but before the first poll, nothing is known yet)
        return anyUp || !p.byStore().isEmpty();
    }

    private static Visibility visibility(Progress p, long seq) {
        Set<String> pending = new LinkedHashSet<>();
        p.byStore().forEach((store, s) -> {
            if (s.isEmpty() || s.getAsLong() < seq) {
                pending.add(store);
            }
        });
        return new Visibility(p.applied(), pending);
    }

    private void poll() {
        long nextRead = System.nanoTime();
        while (running) {
            long now = System.nanoTime();
            try {
                Map<String, OptionalLong> byStore;
                if (resyncRequested || now - nextRead >= 0) {
                    resyncRequested = false;
                    byStore = new LinkedHashMap<>(stores.appliedSeqs());
                    nextRead = now + readInterval(now);
                } else {
                    byStore = new LinkedHashMap<>(progress.byStore());
                }
                mergeAnnounced(byStore);
                long lowest = Long.MAX_VALUE;
                for (OptionalLong s : byStore.values()) {
                    if (s.isPresent()) {
                        lowest = Math.min(lowest, s.getAsLong());
                    }
                }
                // With every store down, reads reflect nothing newer than before: keep the last sequence.
                long applied = lowest == Long.MAX_VALUE ? progress.applied() : Math.max(lowest, progress.applied());
                progress = new Progress(applied, byStore);
                release();
            } catch (RuntimeException e) {
                LOG.debug("Reading the projection checkpoints failed", e);
                nextRead = now + BUSY_POLL_NANOS;
            }
            LockSupport.parkNanos(Math.max(0, nextRead - System.nanoTime()));
        }
    }

    /** Fast only while someone waits and the notices have gone quiet (lost, or the stores are slow). */
    private long readInterval(long now) {
        boolean waiting;
        synchronized (waiters) {
            waiting = !waiters.isEmpty();
        }
        return waiting && now - lastNoticeNanos > NOTICES_QUIET_NANOS ? BUSY_POLL_NANOS : SLOW_POLL_NANOS;
    }

    /**
     * A notice is committed progress of a store that answered: it can only move that store forward (a checkpoint
     * read taken before the commit may still show less).
     */
    private void mergeAnnounced(Map<String, OptionalLong> byStore) {
        for (String store : List.copyOf(announced.keySet())) {
            Long seq = announced.remove(store);
            if (seq == null) {
                continue;
            }
            OptionalLong known = byStore.getOrDefault(store, OptionalLong.empty());
            if (known.isEmpty() || known.getAsLong() < seq) {
                byStore.put(store, OptionalLong.of(seq));
            }
        }
    }

    private void release() {
        Progress now = progress;
        Map<Long, List<CompletableFuture<Visibility>>> ready = new TreeMap<>();
        synchronized (waiters) {
            for (Map.Entry<Long, List<CompletableFuture<Visibility>>> e : waiters.entrySet()) {
                if (!reached(now, e.getKey())) {
                    break; // ascending: a later sequence is not reached either
                }
                ready.put(e.getKey(), e.getValue());
            }
            ready.keySet().forEach(waiters::remove);
            // Waiters that timed out are done; drop them so the map does not grow.
            waiters.values().forEach(list -> list.removeIf(CompletableFuture::isDone));
            waiters.values().removeIf(List::isEmpty);
        }
        ready.forEach((seq, futures) -> {
            Visibility visibility = visibility(now, seq);
            futures.forEach(f -> f.complete(visibility));
        });
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(poller);
    }
}
