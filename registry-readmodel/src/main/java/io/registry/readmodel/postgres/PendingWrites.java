package io.registry.readmodel.postgres;

/** Writes collected for one round trip; {@link #flush()} sends them (before anything that must come after them). */
interface PendingWrites {
    void flush();
}
