package io.registry.core.log;

/**
 * Our metadata on every log record travels in headers, so the key/value stay byte-compatible with Confluent's
 * {@code _schemas} topic and an existing topic can be adopted as it is.
 */
public final class LogHeaders {
    /** Monotonic sequence number (8-byte big-endian). Unlike offsets it survives mirroring into another cluster. */
    public static final String SEQ = "registry-seq";
    public static final String REQUEST_ID = "registry-request-id";
    public static final String PRINCIPAL = "registry-principal";
    /** Epoch milliseconds at which the sequencer decided the event (8-byte big-endian). */
    public static final String TIMESTAMP = "registry-ts";
    /** SHA-256 (32 bytes) of the audit chain up to and including this record ({@code io.registry.core.audit}). */
    public static final String HASH = "registry-hash";

    private LogHeaders() {
    }

    public static byte[] encodeLong(long value) {
        return java.nio.ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    public static long decodeLong(byte[] bytes) {
        if (bytes == null || bytes.length != Long.BYTES) {
            throw new IllegalArgumentException("expected an 8-byte header value");
        }
        return java.nio.ByteBuffer.wrap(bytes).getLong();
    }
}
