package io.registry.readmodel;

/**
 * A batch does not continue from the stored checkpoint: another projector instance applied it already (a rolling
 * deploy), or the projection was wiped and must rebuild from the start. Nothing was written; the caller re-reads
 * the checkpoint and continues from there.
 */
public class StaleCheckpointException extends RuntimeException {
    public StaleCheckpointException(String projection, Checkpoint expected, long batchFirstOffset) {
        super("projection " + projection + " is no longer at offset " + expected.nextOffset()
                + " (batch starting at " + batchFirstOffset + "): applied by another projector, or wiped");
    }
}
