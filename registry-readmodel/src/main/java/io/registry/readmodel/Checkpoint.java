package io.registry.readmodel;

import java.util.List;

/**
 * How far a projection has applied the log: the next offset to read and the sequence of the last applied record.
 * Stored in the same transaction as the data, so it never runs ahead of (or behind) what the projection holds.
 */
public record Checkpoint(long nextOffset, long seq) {
    public static final Checkpoint START = new Checkpoint(0, 0);

    /** The checkpoint right after applying {@code batch} (which must not be empty). */
    public static Checkpoint after(List<PositionedEvent> batch) {
        PositionedEvent last = batch.get(batch.size() - 1);
        return new Checkpoint(last.offset() + 1, last.seq());
    }
}
