package io.registry.core.log;

/** A log record this registry cannot interpret. Readers skip and count it rather than stop the world. */
public class MalformedLogRecordException extends RuntimeException {
    public MalformedLogRecordException(String message) {
        super(message);
    }

    public MalformedLogRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
