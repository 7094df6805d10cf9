package io.registry.core.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import io.registry.core.semver.SemverRequest;

import java.util.List;

/**
 * A write the sequencer must order and check. The {@code type} names are part of the wire format of the
 * commands topic: never rename one, add new types instead.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Command.RegisterSchema.class, name = "register"),
        @JsonSubTypes.Type(value = Command.UpdateConfig.class, name = "config"),
        @JsonSubTypes.Type(value = Command.DeleteSubject.class, name = "delete-subject"),
        @JsonSubTypes.Type(value = Command.DeleteVersion.class, name = "delete-version"),
        @JsonSubTypes.Type(value = Command.UpdateMode.class, name = "mode"),
        @JsonSubTypes.Type(value = Command.DeleteMode.class, name = "delete-mode"),
        @JsonSubTypes.Type(value = Command.DeleteConfig.class, name = "delete-config")
})
public sealed interface Command {

    /**
     * Register {@code schema} under {@code subject}. {@code id}/{@code version} are only honoured in IMPORT mode.
     * The text is as the client sent it: the sequencer alone parses it (it alone sees the referenced versions and
     * the normalize setting as of the moment of decision), so a parse error is its rejection.
     *
     * @param semver present for an {@code /api/v1} registration (command format v2; absent in v1 commands): the
     *               sequencer decides the semantic version against its index and records it in the metadata
     */
    record RegisterSchema(String subject, SchemaType schemaType, String schema, List<SchemaReference> references,
                          boolean normalize, Integer id, Integer version, JsonNode metadata, JsonNode ruleSet,
                          SemverRequest semver)
            implements Command {
        public RegisterSchema {
            references = references == null ? List.of() : List.copyOf(references);
            schemaType = schemaType == null ? SchemaType.AVRO : schemaType;
        }

        /** A Confluent registration (no semantic version). */
        public RegisterSchema(String subject, SchemaType schemaType, String schema, List<SchemaReference> references,
                              boolean normalize, Integer id, Integer version, JsonNode metadata, JsonNode ruleSet) {
            this(subject, schemaType, schema, references, normalize, id, version, metadata, ruleSet, null);
        }
    }

    /**
     * Update the config of a subject, or the global one when {@code subject} is null: the compatibility level, the
     * {@code normalize} and {@code validateFields} flags, the subject {@code alias}, the {@code compatibilityGroup}
     * (a metadata property name) and the default/override metadata and rule sets. A null field keeps what that
     * scope has (Confluent merges config updates). Fields after {@code normalize} were added later (optional on the
     * wire).
     */
    record UpdateConfig(String subject, CompatibilityLevel compatibilityLevel, Boolean normalize,
                        Boolean validateFields, String alias, String compatibilityGroup, JsonNode defaultMetadata,
                        JsonNode overrideMetadata, JsonNode defaultRuleSet, JsonNode overrideRuleSet)
            implements Command {
        public UpdateConfig(String subject, CompatibilityLevel compatibilityLevel) {
            this(subject, compatibilityLevel, null);
        }

        public UpdateConfig(String subject, CompatibilityLevel compatibilityLevel, Boolean normalize) {
            this(subject, compatibilityLevel, normalize, null, null, null, null, null, null, null);
        }

        /** The update as a config record of the fields it sets (the others null). */
        public io.registry.core.log.LogValue.ConfigValue changes() {
            return new io.registry.core.log.LogValue.ConfigValue(
                    compatibilityLevel == null ? null : compatibilityLevel.name(), normalize, validateFields, alias,
                    compatibilityGroup, defaultMetadata, overrideMetadata, defaultRuleSet, overrideRuleSet);
        }
    }

    /**
     * Delete a whole subject: soft (a {@code DELETE_SUBJECT} record) or, once every version is soft-deleted,
     * permanently (a tombstone per version). Eligibility: {@link io.registry.core.subject.DeleteRules}.
     */
    record DeleteSubject(String subject, boolean permanent) implements Command {
    }

    /**
     * Delete one version: soft (the version's record again with {@code deleted=true}) or, once soft-deleted,
     * permanently (its tombstone). {@code version} -1 means the latest live version (as in Confluent, also for
     * a permanent delete).
     */
    record DeleteVersion(String subject, int version, boolean permanent) implements Command {
        public static final int LATEST = -1;
    }

    /**
     * Set the mode of a subject, or the global one when {@code subject} is null. Entering IMPORT requires that no
     * live schema exists in that scope unless {@code force}.
     */
    record UpdateMode(String subject, String mode, boolean force) implements Command {
    }

    /** Remove a subject's mode (it falls back to the global one), or reset the global mode when null. */
    record DeleteMode(String subject) implements Command {
    }

    /** Remove a subject's compatibility level, or reset the global one when {@code subject} is null. */
    record DeleteConfig(String subject) implements Command {
    }
}
