package io.registry.core.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 content fingerprints; the sequencer and the API must agree on them, so they live here once. */
public final class Fingerprints {
    private Fingerprints() {
    }

    public static String of(SchemaType type, String canonical, List<SchemaReference> references) {
        MessageDigest digest = sha256();
        digest.update(type.name().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(canonical.getBytes(StandardCharsets.UTF_8));
        for (SchemaReference ref : references) {
            digest.update((byte) 0);
            digest.update((ref.name() + "\u0001" + ref.subject() + "\u0001" + ref.version())
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
