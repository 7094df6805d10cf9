package io.registry.api.write;

/** Told what became of every write, for metrics. Called on the request's thread: keep it quick. */
public interface WriteObserver {

    /**
     * @param outcome {@code registered}, {@code existing} (idempotent repeat), {@code config-updated},
     *                {@code rejected}, {@code timeout} or {@code error}
     * @param errorCode the Confluent error code answered ({@code rejected}: the sequencer's; {@code timeout}: 50002;
     *                {@code error}: 50001), 0 for the others
     */
    void outcome(String outcome, int errorCode);

    /** An outcome without an error code. */
    default void outcome(String outcome) {
        outcome(outcome, 0);
    }

    /**
     * The two waits of an accepted write: the sequencer's reply (command produced, decided, its transaction
     * committed, reply read) and then this region's projections applying it (read-your-writes).
     */
    void accepted(long sequencerNanos, long projectionNanos);
}
