package io.registry.core.log;

/** One record of the log: a key and its value, or a tombstone when {@code value} is null. */
public record LogEvent(LogKey key, LogValue value) {
    public boolean tombstone() {
        return value == null;
    }

    /** Tells {@code handler} what this record means: the one interpretation of the log ({@link LogEventHandler}). */
    public void dispatch(LogEventHandler handler) {
        key.dispatch(value, handler);
    }
}
