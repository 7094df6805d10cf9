package io.registry.kafka;

import io.registry.core.log.LogHeaders;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * The headers every log record carries (names and encodings in {@link LogHeaders}), written in one place: by the
 * sequencer for real, and by tools that write a log the registry will adopt.
 */
public final class LogRecordHeaders {
    private LogRecordHeaders() {
    }

    /** @param requestId the command's request id, or null; @param principal who sent it, or null */
    public static Headers of(long seq, String requestId, String principal, long timestampMs) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(LogHeaders.SEQ, LogHeaders.encodeLong(seq));
        if (requestId != null) {
            headers.add(LogHeaders.REQUEST_ID, requestId.getBytes(StandardCharsets.UTF_8));
        }
        if (principal != null) {
            headers.add(LogHeaders.PRINCIPAL, principal.getBytes(StandardCharsets.UTF_8));
        }
        headers.add(LogHeaders.TIMESTAMP, LogHeaders.encodeLong(timestampMs));
        return headers;
    }

    /**
     * When the sequencer decided the record ({@link LogHeaders#TIMESTAMP}), else {@code fallbackMs} (the Kafka
     * record's own timestamp: a log adopted from Confluent has no such header).
     */
    public static long timestampMs(Headers headers, long fallbackMs) {
        var header = headers.lastHeader(LogHeaders.TIMESTAMP);
        if (header == null || header.value() == null || header.value().length != Long.BYTES) {
            return fallbackMs;
        }
        return LogHeaders.decodeLong(header.value());
    }

    /** The same with the audit chain's hash of this record ({@code hashHex}: 64 hex digits). */
    public static Headers of(long seq, String requestId, String principal, long timestampMs, String hashHex) {
        Headers headers = of(seq, requestId, principal, timestampMs);
        headers.add(LogHeaders.HASH, java.util.HexFormat.of().parseHex(hashHex));
        return headers;
    }
}
