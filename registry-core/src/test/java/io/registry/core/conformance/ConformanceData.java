package io.registry.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Apicurio's labelled compatibility cases, read from {@code shared/conformance-data} beside the repository
 * (found by walking up from the working directory, so it works from the module, the reactor root, or any
 * clone path with {@code shared/} next to it).
 */
public final class ConformanceData {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case in one direction. {@code expectedCompatible} is Apicurio's answer. */
    public record Check(String name, String reader, String writer, boolean expectedCompatible) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ConformanceData() {
    }

    public static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("conformance-data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/conformance-data not found above " + dir
                + " (expected beside the repository, as <repo>/../shared)");
    }

    /**
     * Every enabled case of an Apicurio file, in both directions. Apicurio's label: "backward" means the
     * updated schema reads data written with the original and not the other way round, "both" means both
     * directions hold, "none" neither.
     */
    public static List<Check> apicurio(String file) {
        JsonNode tests;
        try {
            tests = JSON.readTree(directory().resolve("apicurio").resolve(file).toFile()).path("tests");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Check> checks = new ArrayList<>();
        for (JsonNode test : tests) {
            if (!test.path("enabled").asBoolean(true)) {
                continue;
            }
            String label = test.path("compatibility").asText();
            String original = test.get("original").toString();
            String updated = test.get("updated").toString();
            String id = test.path("id").asText();
            checks.add(new Check(id + " [backward]", updated, original,
                    label.equals("backward") || label.equals("both")));
            checks.add(new Check(id + " [forward]", original, updated, label.equals("both")));
        }
        return checks;
    }
}
