package io.registry.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP Basic users: a file of {@code name:hash} lines ({@code htpasswd -B} writes them; {@code #} starts a comment),
 * each hash bcrypt ({@code $2a$}/{@code $2b$}/{@code $2y$}) or argon2 ({@code $argon2id$…}), salted by construction.
 * Checking a hash costs tens of milliseconds by design, so a successful check is remembered for a few minutes under
 * a SHA-256 of the credentials (never the password itself): a client sending Basic credentials on every request
 * pays the hash once.
 */
public final class UsersFile {
    private static final PasswordEncoder BCRYPT = new BCryptPasswordEncoder();
    private static final PasswordEncoder ARGON2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Compared against for unknown users, so that "no such user" takes as long as "wrong password". */
    private static final String DUMMY = BCRYPT.encode("no such user");

    private final Map<String, String> hashes;
    private final Cache<String, Boolean> verified = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(10_000).build();

    UsersFile(Map<String, String> hashes) {
        this.hashes = Map.copyOf(hashes);
    }

    public static UsersFile load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the users file " + file, e);
        }
        Map<String, String> hashes = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || colon == line.length() - 1) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected name:hash");
            }
            String hash = line.substring(colon + 1);
            encoder(hash); // fail at start on an unsupported hash, not at the user's first login
            hashes.put(line.substring(0, colon), hash);
        }
        return new UsersFile(hashes);
    }

    public boolean verify(String user, String password) {
        if (user == null || password == null) {
            return false;
        }
        String key = fingerprint(user, password);
        if (verified.getIfPresent(key) != null) {
            return true;
        }
        String hash = hashes.get(user);
        if (hash == null) {
            BCRYPT.matches(password, DUMMY);
            return false;
        }
        boolean ok = encoder(hash).matches(password, hash);
        if (ok) {
            verified.put(key, Boolean.TRUE);
        }
        return ok;
    }

    private static PasswordEncoder encoder(String hash) {
        if (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$")) {
            return BCRYPT;
        }
        if (hash.startsWith("$argon2")) {
            return ARGON2;
        }
        throw new IllegalArgumentException("unsupported password hash (bcrypt $2a$/$2b$/$2y$ or $argon2…$ expected)");
    }

    private static String fingerprint(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
