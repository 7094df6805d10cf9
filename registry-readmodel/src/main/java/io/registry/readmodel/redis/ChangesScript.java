package io.registry.readmodel.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code apply_changes.lua} and its SHA-1, the name EVALSHA calls it by. */
final class ChangesScript {
    static final String TEXT = load();
    static final String SHA = sha1(TEXT);

    private ChangesScript() {
    }

    private static String load() {
        try (InputStream in = ChangesScript.class.getResourceAsStream("apply_changes.lua")) {
            if (in == null) {
                throw new IllegalStateException("apply_changes.lua missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the Java platform", e);
        }
    }
}
