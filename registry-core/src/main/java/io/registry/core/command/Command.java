package io.registry.core.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.util.List;

/**
 * A write the sequencer must order and check. The {@code type} names are part of the wire format of the
 * commands topic: never rename one, add new types instead.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Command.RegisterSchema.class, name = "register"),
        @JsonSubTypes.Type(value = Command.UpdateConfig.class, name = "config")
})
public sealed interface Command {

    /**
     * Register {@code schema} under {@code subject}. {@code id}/{@code version} are only honoured in IMPORT mode;
     * the API has already parsed the schema, but the sequencer parses again because it alone sees the
     * referenced versions as of the moment of decision.
     */
    record RegisterSchema(String subject, SchemaType schemaType, String schema, List<SchemaReference> references,
                          boolean normalize, Integer id, Integer version, JsonNode metadata, JsonNode ruleSet)
            implements Command {
        public RegisterSchema {
            references = references == null ? List.of() : List.copyOf(references);
            schemaType = schemaType == null ? SchemaType.AVRO : schemaType;
        }
    }

    /** Set the compatibility level of a subject, or the global one when {@code subject} is null. */
    record UpdateConfig(String subject, CompatibilityLevel compatibilityLevel) implements Command {
    }
}
