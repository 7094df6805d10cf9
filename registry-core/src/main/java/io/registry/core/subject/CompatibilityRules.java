package io.registry.core.subject;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.compat.CompatibilityChecker;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaFormat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Confluent's {@code isCompatibleWithPrevious}, shared by the sequencer (registration) and the API
 * ({@code POST /compatibility/…}) so that both select the same versions and report the same problems:
 * <ol>
 *   <li>with {@code validateFields}, the reserved fields ({@code confluent:reserved} metadata property, a
 *       comma-separated list): none may be removed from the latest version's list, and none may be a top-level
 *       field of the new schema;</li>
 *   <li>with a {@code compatibilityGroup} (the name of a metadata property), only the versions whose property has
 *       the same value as the new schema's (both possibly absent) count ({@link #sameGroup});</li>
 *   <li>the compatibility level against what remains;</li>
 *   <li>when anything failed, Confluent's trailing {@code {validateFields: '…', compatibility: '…'}} entry.</li>
 * </ol>
 */
public final class CompatibilityRules {
    /** The metadata property listing reserved field names. */
    public static final String RESERVED = "confluent:reserved";

    private CompatibilityRules() {
    }

    /**
     * The config that applies to a subject, field by field: the subject's own value, else its parent scope's (the
     * context's, or the global config), else Confluent's defaults (BACKWARD, {@code validateFields=false}, no group).
     */
    public record Settings(CompatibilityLevel level, boolean validateFields, String compatibilityGroup) {
        /** The settings in effect for {@code subject}, by the one policy ({@link EffectiveSettings#config}). */
        public static Settings of(ScopeSettings scopes, String subject) {
            ConfigValue config = EffectiveSettings.config(scopes, subject);
            return new Settings(CompatibilityLevel.parse(config.compatibilityLevel()).orElse(CompatibilityLevel.DEFAULT),
                    Boolean.TRUE.equals(config.validateFields()), config.compatibilityGroup());
        }

        /** These settings with another level (a check that names its own). */
        public Settings withLevel(CompatibilityLevel other) {
            return new Settings(other, validateFields, compatibilityGroup);
        }
    }

    /**
     * The previous versions compatibility is checked against: all of them, or with a compatibility group only those
     * whose metadata property {@code group} equals the new schema's.
     */
    public static <T> List<T> sameGroup(String group, JsonNode proposedMetadata, List<T> previous,
                                        Function<T, JsonNode> metadataOf) {
        if (group == null) {
            return previous;
        }
        String value = property(proposedMetadata, group);
        return previous.stream().filter(p -> Objects.equals(value, property(metadataOf.apply(p), group))).toList();
    }

    /**
     * Confluent's answer: {@link #problems}, and when there are any, its trailing settings entry.
     *
     * @param proposedMetadata the new schema's metadata (may be null)
     * @param history          the subject's live versions, oldest first (for a check against one version: that one)
     * @return the problems, empty when the schema may be registered
     */
    public static <V> List<String> check(SchemaFormat format, Settings settings, ParsedSchema proposed,
                                         JsonNode proposedMetadata, SubjectHistory<V> history) {
        List<String> messages = new ArrayList<>(problems(format, settings, proposed, proposedMetadata, history));
        if (!messages.isEmpty()) {
            messages.add("{validateFields: '" + settings.validateFields() + "', compatibility: '"
                    + settings.level().name() + "'}");
        }
        return messages;
    }

    /**
     * The one compatibility rule against a subject's history: reserved fields against the latest live version
     * (whatever its group), then the level against the versions of the proposed schema's group.
     */
    public static <V> List<String> problems(SchemaFormat format, Settings settings, ParsedSchema proposed,
                                            JsonNode proposedMetadata, SubjectHistory<V> history) {
        List<String> messages = new ArrayList<>();
        if (settings.validateFields()) {
            messages.addAll(reservedFieldProblems(proposed, proposedMetadata, history.latestMetadata()));
        }
        messages.addAll(levelProblems(format, settings.level(), proposed,
                history.sameGroup(settings.compatibilityGroup(), proposedMetadata).schemas()));
        return messages;
    }

    private static List<String> levelProblems(SchemaFormat format, CompatibilityLevel level, ParsedSchema proposed,
                                              List<? extends ParsedSchema> previous) {
        if (level == CompatibilityLevel.NONE) {
            return List.of();
        }
        // a version of another schema type: the checker's one type guard answers it, with Confluent's wording
        return CompatibilityChecker.check(format, level, proposed, previous);
    }

    /** Confluent's {@code validateReservedFields}, with its messages. */
    static List<String> reservedFieldProblems(ParsedSchema proposed, JsonNode proposedMetadata,
                                              JsonNode latestMetadata) {
        List<String> messages = new ArrayList<>();
        Set<String> reserved = reservedFields(proposedMetadata);
        if (latestMetadata != null) {
            Set<String> removed = new TreeSet<>(reservedFields(latestMetadata));
            removed.removeAll(reserved);
            for (String field : removed) {
                messages.add("The new schema has reserved field " + field + " removed from its metadata which is "
                        + "present in the old schema's metadata.");
            }
        }
        for (String field : reserved) {
            if (proposed.hasTopLevelField(field)) {
                messages.add("The new schema has field that conflicts with the reserved field " + field + ".");
            }
        }
        return messages;
    }

    /** The reserved field names of a version's metadata, in the order listed. */
    public static Set<String> reservedFields(JsonNode metadata) {
        String listed = property(metadata, RESERVED);
        Set<String> fields = new LinkedHashSet<>();
        if (listed != null) {
            for (String f : listed.split(",")) {
                if (!f.trim().isEmpty()) {
                    fields.add(f.trim());
                }
            }
        }
        return fields;
    }

    /** {@code metadata.properties[name]} as text, or null. */
    public static String property(JsonNode metadata, String name) {
        if (metadata == null) {
            return null;
        }
        JsonNode value = metadata.path("properties").get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
