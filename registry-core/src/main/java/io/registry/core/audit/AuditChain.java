package io.registry.core.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evidence chain over log records (DESIGN §3): {@code hash(n) = SHA-256(hash(n-1) ‖ canonical(record n))},
 * starting from 32 zero bytes. Changing, dropping or reordering a record changes every hash after it, so a verifier
 * holding the chain finds the first place it breaks.
 */
public final class AuditChain {
    public static final int HASH_BYTES = 32;
    public static final String GENESIS_HEX = HexFormat.of().formatHex(new byte[HASH_BYTES]);

    private AuditChain() {
    }

    /**
     * What one link covers: the log record's key and value bytes (value null = tombstone) and its metadata headers.
     */
    public record Entry(long seq, String requestId, String principal, long timestamp, byte[] key, byte[] value) {
    }

    /** The next hash of the chain, hex. */
    public static String next(String previousHex, Entry entry) {
        MessageDigest sha = sha256();
        sha.update(HexFormat.of().parseHex(previousHex));
        sha.update(canonical(entry));
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Length-prefixed fields, so that no two different records share bytes (a field boundary cannot move); absent
     * strings and a tombstone's value are length -1.
     */
    static byte[] canonical(Entry e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(e.seq());
            field(out, e.requestId() == null ? null : e.requestId().getBytes(StandardCharsets.UTF_8));
            field(out, e.principal() == null ? null : e.principal().getBytes(StandardCharsets.UTF_8));
            out.writeLong(e.timestamp());
            field(out, e.key());
            field(out, e.value());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
