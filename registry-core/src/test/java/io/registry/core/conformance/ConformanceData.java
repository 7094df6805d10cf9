package io.registry.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Apicurio's labelled compatibility cases, a copy of {@code shared/conformance-data} kept in this module's test
 * resources ({@code conformance-data/}, Apache-2.0, with its LICENSE and provenance README), so a clone runs them
 * wherever it is checked out.
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

    /**
     * Every enabled case of an Apicurio file, in both directions. Apicurio's label: "backward" means the
     * updated schema reads data written with the original and not the other way round, "both" means both
     * directions hold, "none" neither.
     */
    public static List<Check> apicurio(String file) {
        JsonNode tests;
        String resource = "/conformance-data/apicurio/" + file;
        try (InputStream in = ConformanceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " missing");
            }
            tests = JSON.readTree(in).path("tests");
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
