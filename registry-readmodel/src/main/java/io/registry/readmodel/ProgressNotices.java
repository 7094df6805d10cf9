package io.registry.readmodel;

/**
 * Tells a reader, as soon as a projection store has committed a batch, how far that store has applied the log. Each
 * store announces its own commits through its own medium and atomically with them (Redis: a PUBLISH inside the
 * batch's MULTI; Postgres: a NOTIFY, which Postgres delivers only when the transaction commits), so a notice never
 * runs ahead of the data, and its payload (the batch's last sequence) can be trusted as that store's progress
 * without reading the checkpoint. Notices can still be lost (reconnects, a pooler that drops LISTEN): readers read
 * the checkpoints on a slow poll as a fallback, and at once when {@link Listener#resync} says some may be missed.
 */
public interface ProgressNotices extends AutoCloseable {

    /** The store these notices come from, named as in {@link ProjectionProgress#appliedSeqs()}. */
    String store();

    /** Starts listening; the listener runs on the notices' own thread, so it must be quick. */
    void listen(Listener listener);

    @Override
    void close();

    /** What a reader hears. */
    interface Listener {
        /** The store committed a batch whose last record has log sequence {@code seq}. */
        void applied(long seq);

        /** Listening (re)started: whatever committed meanwhile was not heard, so read the checkpoints once. */
        void resync();

        /** A listener that only cares that something happened. */
        static Listener onAny(Runnable action) {
            return new Listener() {
                @Override
                public void applied(long seq) {
                    action.run();
                }

                @Override
                public void resync() {
                    action.run();
                }
            };
        }
    }
}
