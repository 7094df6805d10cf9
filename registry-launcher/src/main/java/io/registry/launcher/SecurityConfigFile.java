package io.registry.launcher;

import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --security FILE}: a YAML file of {@code registry.security.*}, {@code registry.rate-limit.*} and Micronaut
 * Security / TLS settings, applied above the defaults. Relative file paths in it ({@code users-file}, key stores,
 * static JWKS) are relative to the file itself, so a configuration directory can be moved as a whole.
 */
final class SecurityConfigFile {
    private SecurityConfigFile() {
    }

    static Map<String, Object> load(Path file) {
        Map<String, Object> flat;
        try (InputStream in = Files.newInputStream(file)) {
            flat = new YamlPropertySourceLoader().read(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the security configuration " + file, e);
        }
        Path dir = file.toAbsolutePath().getParent();
        Map<String, Object> resolved = new LinkedHashMap<>();
        flat.forEach((key, value) -> resolved.put(key, resolvePath(dir, key, value)));
        if (!resolved.containsKey("registry.security.enabled")) {
            resolved.put("registry.security.enabled", true);
        }
        return resolved;
    }

    private static Object resolvePath(Path dir, String key, Object value) {
        if (!(value instanceof String text) || text.isBlank() || text.contains(":")) {
            return value; // not a path, or absolute with a scheme (classpath:, file:, https:)
        }
        if (key.equals("registry.security.users-file")) {
            return dir.resolve(text).normalize().toString();
        }
        if (key.startsWith("micronaut.") && key.endsWith(".path") && !Path.of(text).isAbsolute()) {
            return "file:" + dir.resolve(text).normalize(); // Micronaut resolves resources by scheme
        }
        if (key.startsWith("micronaut.") && key.endsWith(".path")) {
            return "file:" + text;
        }
        return value;
    }
}
