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
     * A config record, Confluent's {@code ConfigValue}: {@code {"compatibilityLevel":"BACKWARD","normalize":true,
     * "validateFields":true,"alias":"other","compatibilityGroup":"app.major","defaultMetadata":{…},…}}. Every field
     * is optional (null when absent); the metadata and rule sets are kept as the JSON Confluent writes.
     */
    record ConfigValue(String compatibilityLevel, Boolean normalize, Boolean validateFields, String alias,
                       String compatibilityGroup, JsonNode defaultMetadata, JsonNode overrideMetadata,
                       JsonNode defaultRuleSet, JsonNode overrideRuleSet) implements LogValue {
        public ConfigValue(String compatibilityLevel) {
            this(compatibilityLevel, null);
        }

        public ConfigValue(String compatibilityLevel, Boolean normalize) {
            this(compatibilityLevel, normalize, null, null, null, null, null, null, null);
        }

        /**
         * Confluent's {@code ConfigValue.update}: each field the update sets replaces the current one, the others
         * are kept.
         */
        public ConfigValue mergedWith(ConfigValue update) {
            if (update == null) {
                return this;
            }
            return new ConfigValue(
                    or(update.compatibilityLevel, compatibilityLevel), or(update.normalize, normalize),
                    or(update.validateFields, validateFields), or(update.alias, alias),
                    or(update.compatibilityGroup, compatibilityGroup), or(update.defaultMetadata, defaultMetadata),
                    or(update.overrideMetadata, overrideMetadata), or(update.defaultRuleSet, defaultRuleSet),
                    or(update.overrideRuleSet, overrideRuleSet));
        }

        /** Whether the config holds any field beyond the compatibility level and the normalize flag. */
        public boolean hasExtras() {
            return validateFields != null || alias != null || compatibilityGroup != null || defaultMetadata != null
                    || overrideMetadata != null || defaultRuleSet != null || overrideRuleSet != null;
        }

        private static <T> T or(T preferred, T fallback) {
            return preferred != null ? preferred : fallback;
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
