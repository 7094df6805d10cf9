package io.registry.api.read;

import io.registry.readmodel.ProgressNotices;
import io.registry.readmodel.ProjectionProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The log sequence this region's projections have applied, and waits for a given sequence. One poller thread
 * serves every waiter, so waiting costs no thread per request. The projection stores announce each commit
 * ({@link ProgressNotices}): a notice wakes the poller, which then reads the checkpoints. Without notices it polls,
 * often while someone waits (read-your-writes) and slowly otherwise (for the {@code X-Registry-Seq} header).
 *
 * <p>A store that is down (its circuit open) is not waited for: reads are served by the stores that are up, so a
 * wait ends when those have applied the sequence, and says which projections are still pending. While every store is
 * down, waits end at once.
 */
public final class ProjectionWatermark implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionWatermark.class);
    /** The fallback for lost notices (a reconnect, a pooler that drops LISTEN): writes stay correct, only slower. */
    private static final long BUSY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

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

    public ProjectionWatermark(ProjectionProgress stores, List<ProgressNotices> notices) {
        this.stores = stores;
        this.poller = new Thread(this::poll, "registry-projection-watermark");
        this.poller.setDaemon(true);
        this.poller.start();
        notices.forEach(n -> n.listen(this::wake));
    }

    /**
     * A projection committed something: read the checkpoints now rather than at the next poll. A notice that lands
     * while the poller is reading is not lost: unpark leaves a permit, so the poller's next park returns at once.
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
        while (running) {
            try {
                Map<String, OptionalLong> byStore = stores.appliedSeqs();
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
            }
            boolean idle;
            synchronized (waiters) {
                idle = waiters.isEmpty();
            }
            LockSupport.parkNanos(idle ? IDLE_POLL_NANOS : BUSY_POLL_NANOS);
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
