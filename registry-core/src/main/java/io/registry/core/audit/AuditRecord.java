package io.registry.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One link of the audit chain, as the audit topic stores it: a copy of a log record (key and value as the log has
 * them, value null for a tombstone) with who caused it, when, and the chain's hashes. The audit topic is never
 * compacted, so it keeps what the compacted log drops (superseded configs, hard-deleted versions). Field names are
 * wire format.
 *
 * @param previousHash hex SHA-256 of the record before (64 zeros for the first)
 * @param hash         hex SHA-256(previous hash ‖ this record's canonical bytes), also the log record's
 *                     {@code registry-hash} header
 */
@JsonPropertyOrder({"seq", "requestId", "principal", "timestamp", "key", "value", "previousHash", "hash"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditRecord(long seq, String requestId, String principal, long timestamp, String key, String value,
                          String previousHash, String hash) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** This record's content as {@link AuditChain} hashes it (everything but the hashes). */
    public AuditChain.Entry entry() {
        return new AuditChain.Entry(seq, requestId, principal, timestamp, utf8(key), utf8(value));
    }

    public byte[] encode() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an audit record", e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not an audit record */
    public static AuditRecord decode(byte[] bytes) {
        try {
            return JSON.readValue(bytes, AuditRecord.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an audit record: " + e.getMessage(), e);
        }
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
