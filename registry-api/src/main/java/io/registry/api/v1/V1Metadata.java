package io.registry.api.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.core.semver.SemanticVersion;
import io.registry.core.semver.SemverMetadata;

import java.util.Optional;

/**
 * What {@code /api/v1} keeps with a registration, stored in Confluent's {@code metadata} object of the subject
 * version so that it travels on the log in the SchemaValue and any Confluent tool sees it:
 * <pre>{"properties": {"llm.semver": "1.2.0", "llm.description": "…", "llm.metadata": "{…user JSON…}"}}</pre>
 * Confluent's properties are string → string, so the user's metadata object is kept as JSON text. The semantic
 * version is written by the sequencer, which decides it ({@link SemverMetadata}); the API only reads it.
 */
record V1Metadata(Optional<SemanticVersion> semver, String description, JsonNode user) {
    static final String DESCRIPTION = "llm.description";
    static final String USER = "llm.metadata";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final V1Metadata NONE = new V1Metadata(Optional.empty(), null, null);

    JsonNode toConfluent() {
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        semver.ifPresent(v -> properties.put(SemverMetadata.PROPERTY, v.toString()));
        if (description != null) {
            properties.put(DESCRIPTION, description);
        }
        if (user != null) {
            properties.put(USER, user.toString());
        }
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.set("properties", properties);
        return metadata;
    }

    static V1Metadata fromConfluent(JsonNode metadata) {
        if (metadata == null) {
            return NONE;
        }
        JsonNode properties = metadata.path("properties");
        String description = properties.path(DESCRIPTION).asText(null);
        JsonNode user = null;
        if (properties.path(USER).isTextual()) {
            try {
                user = MAPPER.readTree(properties.path(USER).asText());
            } catch (JsonProcessingException e) {
                user = null;
            }
        }
        return new V1Metadata(SemverMetadata.of(metadata), description, user);
    }

    /** Whether the user metadata holds {@code key} (top level) with this value, compared as text. */
    boolean matches(String key, String value) {
        if (user == null || !user.has(key)) {
            return false;
        }
        JsonNode v = user.get(key);
        return v.isValueNode() ? v.asText().equals(value) : v.toString().equals(value);
    }
}
