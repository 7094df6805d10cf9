package io.registry.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.registry.core.schema.SchemaReference;

import java.util.List;

/**
 * The JSON spellings the stores share (schema references in Postgres' jsonb column, whole schemas in Redis), kept
 * in one place so both projections hold the same text. Plain Jackson: records map without annotations.
 */
public final class ReadModelJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<SchemaReference>> REFERENCES = new TypeReference<>() {
    };
    private static final TypeReference<StoredSchema> SCHEMA = new TypeReference<>() {
    };
    // resolved once: writeValueAsString resolves the type and looks its serializer up again on every call, which a
    // rebuild (one schema and one reference list per event) pays 100k times
    private static final ObjectWriter REFERENCES_WRITER = MAPPER.writerFor(REFERENCES);
    private static final ObjectWriter SCHEMA_WRITER = MAPPER.writerFor(StoredSchema.class);

    private ReadModelJson() {
    }

    public static String writeReferences(List<SchemaReference> references) {
        return references.isEmpty() ? "[]" : write(REFERENCES_WRITER, references);
    }

    public static List<SchemaReference> readReferences(String json) {
        return json == null || json.isEmpty() ? List.of() : read(json, REFERENCES);
    }

    public static String writeSchema(StoredSchema schema) {
        return write(SCHEMA_WRITER, schema);
    }

    public static StoredSchema readSchema(String json) {
        return read(json, SCHEMA);
    }

    /** Compact JSON text of a tree, or null for an absent/JSON-null tree (stored as SQL NULL / left out). */
    public static String writeTree(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.toString();
    }

    /** The compact spelling of JSON text (jsonb prints it with spaces). */
    public static String compact(String json) {
        try {
            return MAPPER.readTree(json).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt read-model JSON: " + json, e);
        }
    }

    /** {@code {"metadata":…,"ruleSet":…}} (absent members left out), or null when the version has neither. */
    public static String writeExtras(JsonNode metadata, JsonNode ruleSet) {
        String m = writeTree(metadata);
        String r = writeTree(ruleSet);
        if (m == null && r == null) {
            return null;
        }
        com.fasterxml.jackson.databind.node.ObjectNode extras = MAPPER.createObjectNode();
        if (m != null) {
            extras.set("metadata", metadata);
        }
        if (r != null) {
            extras.set("ruleSet", ruleSet);
        }
        return extras.toString();
    }

    public static VersionExtras readExtras(String json) {
        JsonNode extras = readTree(json);
        return new VersionExtras(present(extras.get("metadata")), present(extras.get("ruleSet")));
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    /** @return the parsed tree, or null for null text */
    public static JsonNode readTree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt read-model JSON: " + json, e);
        }
    }
}
