package io.registry.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.util.List;

/** Values of the {@code _schemas} log, in Confluent's formats. A tombstone (null value) is a permanent delete. */
public sealed interface LogValue {

    /** One version of a subject. {@code schema} is the canonical text; {@code deleted} marks a soft delete. */
    record SchemaValue(String subject, int version, int id, SchemaType schemaType, String schema,
                       List<SchemaReference> references, JsonNode metadata, JsonNode ruleSet,
                       boolean deleted) implements LogValue {
        public SchemaValue {
            references = references == null ? List.of() : List.copyOf(references);
        }

        public SchemaValue withDeleted(boolean value) {
            return new SchemaValue(subject, version, id, schemaType, schema, references, metadata, ruleSet, value);
        }
    }

    /**
     * {@code {"compatibilityLevel":"BACKWARD","normalize":true}}; either field may be absent (null). Confluent
     * writes more optional fields (defaults, overrides, …) that this registry does not use yet.
     */
    record ConfigValue(String compatibilityLevel, Boolean normalize) implements LogValue {
        public ConfigValue(String compatibilityLevel) {
            this(compatibilityLevel, null);
        }
    }

    /** {@code {"mode":"READWRITE"}} */
    record ModeValue(String mode) implements LogValue {
    }

    /** {@code {"subject":…,"version":N}}: every version up to N is soft-deleted. */
    record DeleteSubjectValue(String subject, int version) implements LogValue {
    }

    /** {@code {"subject":…}} */
    record ClearSubjectValue(String subject) implements LogValue {
    }

    /** Value of a NOOP record; Confluent writes a null value, so this only exists in memory. */
    record NoopValue() implements LogValue {
    }
}
