package io.registry.readmodel;

import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.subject.Mode;
import io.registry.core.subject.QualifiedSubject;
import io.registry.core.subject.ScopeSettings;

import java.util.List;
import java.util.Optional;

/**
 * Read access to a projection of the log. Implemented by the Postgres and the Redis projections (and a layered
 * view that prefers Redis); API nodes depend only on this interface.
 */
public interface ReadModel extends ScopeSettings {
    /** The schema with {@code id} in the schema context {@code context} ("." is the default context). */
    Optional<StoredSchema> schemaById(String context, int id);

    /** A schema of the default context. */
    default Optional<StoredSchema> schemaById(int id) {
        return schemaById(QualifiedSubject.DEFAULT_CONTEXT, id);
    }

    /** The id, in {@code context}, of the schema with this content fingerprint ({@code ParsedSchema#fingerprint}). */
    Optional<Integer> idByFingerprint(String context, String fingerprint);

    default Optional<Integer> idByFingerprint(String fingerprint) {
        return idByFingerprint(QualifiedSubject.DEFAULT_CONTEXT, fingerprint);
    }

    /**
     * The schema id of the newest live version of {@code subject} whose content has this fingerprint
     * ({@code Fingerprints#of} over the type, the schema text exactly as the log stores it and the references): a
     * registration's idempotent repeat, found without parsing, in one lookup. Soft-deleted versions never match
     * (Confluent registers a soft-deleted schema again as a new version).
     */
    Optional<Integer> repeatOf(String subject, String fingerprint);

    /** Subject names, sorted; soft-deleted subjects (every version deleted) only when asked for. */
    List<String> subjects(boolean includeDeleted);

    /** Every version of the subject, soft-deleted ones included, ascending by version. Empty if unknown. */
    List<SubjectVersion> versions(String subject);

    Optional<SubjectVersion> version(String subject, int version);

    /** Every (subject, version) of {@code context} that uses the schema id, soft-deleted ones included. */
    List<SubjectVersion> usagesOf(String context, int schemaId);

    default List<SubjectVersion> usagesOf(int schemaId) {
        return usagesOf(QualifiedSubject.DEFAULT_CONTEXT, schemaId);
    }

    /** The compatibility level set on the subject, or the global one when {@code subject} is null. */
    Optional<CompatibilityLevel> compatibility(String subject);

    /** The normalize flag of the config set on the subject, or the global one when {@code subject} is null. */
    @Override
    Optional<Boolean> normalize(String subject);

    /**
     * The config's fields beyond level and normalize flag (alias, validateFields, compatibilityGroup, default/override
     * metadata and rule sets) set on the subject, or the global ones when {@code subject} is null; the level and
     * flag of the answer are null.
     */
    Optional<ConfigValue> configExtras(String subject);

    /** The whole config record set on the subject (global when null); empty when no field is set. */
    default Optional<ConfigValue> config(String subject) {
        Optional<CompatibilityLevel> level = compatibility(subject);
        Optional<Boolean> normalize = normalize(subject);
        Optional<ConfigValue> extras = configExtras(subject);
        if (level.isEmpty() && normalize.isEmpty() && extras.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(extras.orElse(new ConfigValue(null))
                .mergedWith(new ConfigValue(level.map(Enum::name).orElse(null), normalize.orElse(null))));
    }

    /** The mode set on the subject, or the global one when {@code subject} is null. */
    Optional<String> mode(String subject);

    @Override
    default Optional<CompatibilityLevel> compatibilityLevel(String scope) {
        return compatibility(scope);
    }

    @Override
    default Optional<Mode> modeSetting(String scope) {
        return mode(scope).flatMap(Mode::parse);
    }

    /**
     * The {@code metadata} (Confluent's {@code {tags, properties, sensitive}}) and {@code ruleSet} registered with a
     * subject version; empty when the version is unknown or was registered with neither.
     */
    Optional<VersionExtras> versionExtras(String subject, int version);

    /**
     * Ids of the live schemas whose references name {@code subject} {@code version} (or its latest, -1), ascending;
     * empty when this model cannot answer (Redis keeps no reverse index of references).
     */
    default Optional<List<Integer>> referencedBy(String subject, int version) {
        return Optional.empty();
    }

    /** The largest schema id of the projection (0 when none); Postgres answers it, others may not know. */
    default int maxSchemaId(String context) {
        return 0;
    }

    /** The log sequence this projection has applied (0 when empty). */
    long appliedSeq();
}
