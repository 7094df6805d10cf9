package io.registry.core.semver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.core.subject.CompatibilityRules;

import java.util.Optional;

/**
 * Where a version's semantic version is kept: the Confluent metadata property {@code llm.semver}, so that it
 * travels on the log in the SchemaValue, the sequencer's index sees it, and any Confluent tool reads it.
 */
public final class SemverMetadata {
    public static final String PROPERTY = "llm.semver";

    private SemverMetadata() {
    }

    /** The semantic version a version's metadata records; empty when none (e.g. written by the Confluent API). */
    public static Optional<SemanticVersion> of(JsonNode metadata) {
        return SemanticVersion.parse(CompatibilityRules.property(metadata, PROPERTY));
    }

    /** A copy of {@code metadata} (null: none) whose properties record {@code version}. */
    public static JsonNode with(JsonNode metadata, SemanticVersion version) {
        ObjectNode copy = metadata != null && metadata.isObject() ? ((ObjectNode) metadata).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        JsonNode properties = copy.get("properties");
        ObjectNode props = properties != null && properties.isObject() ? (ObjectNode) properties
                : copy.putObject("properties");
        props.put(PROPERTY, version.toString());
        return copy;
    }
}
