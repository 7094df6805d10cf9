package io.registry.readmodel;

import java.util.List;
import java.util.Optional;

/** The writing side of a projection: what a projector loop needs, whatever the storage behind it. */
public interface ProjectionStore {
    /** A short name for logs, metrics and health ("postgres", "redis"). */
    String name();

    /** The id of the log (the Kafka topic id) this projection was built from; empty if it never recorded one. */
    Optional<String> boundLog();

    /**
     * Empties the projection, data and checkpoint, and records that it is now built from {@code logId}. A
     * projection bound to another log must not resume: its offsets mean other records in this one.
     */
    void rebind(String logId);

    /** Where to resume; {@link Checkpoint#START} for an empty (or wiped) projection. */
    Checkpoint checkpoint();

    /**
     * Applies the events in order and moves the checkpoint to just after the last one, atomically: either all of
     * it becomes visible or none of it does. {@code from} is the checkpoint the batch was read after; the batch is
     * applied only if the stored checkpoint is still exactly that, so a batch is never applied twice (two
     * projectors, a retry) nor on top of a projection that was wiped meanwhile (which then rebuilds from 0).
     *
     * @throws StaleCheckpointException when the stored checkpoint is not {@code from}; nothing was written
     * @throws RuntimeException         on any storage failure; nothing was written
     */
    void apply(Checkpoint from, List<PositionedEvent> batch);

    /** Applies a batch that continues from the stored checkpoint (see {@link #apply(Checkpoint, List)}). */
    default void apply(List<PositionedEvent> batch) {
        apply(checkpoint(), batch);
    }

    /** A batch must start at or after the offset it was read from. */
    static void requireContinues(String projection, Checkpoint from, List<PositionedEvent> batch) {
        if (!batch.isEmpty() && batch.get(0).offset() < from.nextOffset()) {
            throw new StaleCheckpointException(projection, from, batch.get(0).offset());
        }
    }
}
