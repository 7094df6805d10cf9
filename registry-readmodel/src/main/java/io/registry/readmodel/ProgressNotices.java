package io.registry.readmodel;

/**
 * Tells a reader, as soon as a projection store has committed a batch, that what it applied moved on. Each store
 * announces its own commits through its own medium and atomically with them (Redis: a PUBLISH inside the batch's
 * MULTI; Postgres: a NOTIFY, which Postgres delivers only when the transaction commits), so a notice never runs ahead
 * of the data. Notices are a hint that makes read-your-writes waits short, not a source of truth: they can be lost
 * (reconnects, a pooler that drops LISTEN), and waiters still read the checkpoints, on a slow poll as a fallback.
 */
public interface ProgressNotices extends AutoCloseable {

    /** Starts listening; {@code onApplied} runs on the listener's thread, so it must be quick. */
    void listen(Runnable onApplied);

    @Override
    void close();
}
