package io.registry.api.read;

import io.registry.readmodel.ProgressNotices;
import io.registry.readmodel.ReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The log sequence this region's projections have applied, and waits for a given sequence. One poller thread
 * serves every waiter, so waiting costs no thread per request. The projection stores announce each commit
 * ({@link ProgressNotices}): a notice wakes the poller, which then reads the checkpoints. Without notices it polls,
 * often while someone waits (read-your-writes) and slowly otherwise (for the {@code X-Registry-Seq} header).
 */
public final class ProjectionWatermark implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionWatermark.class);
    /** The fallback for lost notices (a reconnect, a pooler that drops LISTEN): writes stay correct, only slower. */
    private static final long BUSY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ReadModel readModel;
    /** Guarded by itself: adds and releases are short, and a lock keeps a waiter from being orphaned. */
    private final TreeMap<Long, List<CompletableFuture<Long>>> waiters = new TreeMap<>();
    private final Thread poller;
    private volatile long applied;
    private volatile boolean running = true;

    public ProjectionWatermark(ReadModel readModel, List<ProgressNotices> notices) {
        this.readModel = readModel;
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

    /** The last sequence seen applied by every projection of this region (a lower bound of what reads reflect). */
    public long applied() {
        return applied;
    }

    /** Completes when the projections reach {@code seq}, or exceptionally with a TimeoutException. */
    public CompletableFuture<Long> await(long seq, Duration timeout) {
        if (applied >= seq) {
            return CompletableFuture.completedFuture(applied);
        }
        CompletableFuture<Long> future = new CompletableFuture<>();
        synchronized (waiters) {
            waiters.computeIfAbsent(seq, s -> new ArrayList<>()).add(future);
        }
        LockSupport.unpark(poller);
        return future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        while (running) {
            try {
                long seen = readModel.appliedSeq();
                if (seen > applied) {
                    applied = seen;
                }
                release();
            } catch (RuntimeException e) {
                LOG.debug("Reading the projection checkpoint failed", e);
            }
            boolean idle;
            synchronized (waiters) {
                idle = waiters.isEmpty();
            }
            LockSupport.parkNanos(idle ? IDLE_POLL_NANOS : BUSY_POLL_NANOS);
        }
    }

    private void release() {
        long now = applied;
        List<CompletableFuture<Long>> ready = new ArrayList<>();
        synchronized (waiters) {
            Map<Long, List<CompletableFuture<Long>>> reached = waiters.headMap(now, true);
            reached.values().forEach(ready::addAll);
            reached.clear();
            // Waiters that timed out are done; drop them so the map does not grow.
            waiters.values().forEach(list -> list.removeIf(CompletableFuture::isDone));
            waiters.values().removeIf(List::isEmpty);
        }
        ready.forEach(f -> f.complete(now));
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(poller);
    }
}
