package io.registry.core.subject;

import io.registry.core.log.LogValue;
import io.registry.core.compat.CompatibilityLevel;

import java.util.List;
import java.util.Optional;

/**
 * The sequencer's view of the registry: just enough state to decide the next command. Backed by a Kafka Streams
 * state store in production; everything in it is derived from the log.
 */
public interface RegistryIndex extends ScopeSettings {
    /** The id of this content in {@code context} (each schema context numbers its schemas on its own). */
    Optional<Integer> idForFingerprint(String context, String fingerprint);

    /** The schema with {@code id} in {@code context} ({@link QualifiedSubject#DEFAULT_CONTEXT} = "."). */
    Optional<IndexedSchema> schema(String context, int id);

    /** All versions, soft-deleted included, ascending. */
    List<IndexedVersion> versions(String subject);

    /**
     * Whether any subject starting with {@code subjectPrefix} has a live version ({@code ""}: any subject at all;
     * entering global IMPORT mode needs an empty registry, a context's IMPORT mode an empty context).
     */
    boolean anyLiveVersion(String subjectPrefix);

    /**
     * The live versions whose schemas reference {@code subject} version {@code version} (Confluent's
     * "referenced by"); soft-deleted referrers do not count.
     */
    List<Referrer> referrers(String subject, int version);

    /** The config record set on {@code subject} (Confluent's {@code CONFIG} value), or the global one when null. */
    Optional<LogValue.ConfigValue> config(String subject);

    /** The compatibility level set on {@code subject}, or the global one when {@code subject} is null. */
    default Optional<String> compatibility(String subject) {
        return config(subject).map(LogValue.ConfigValue::compatibilityLevel);
    }

    /** The {@code normalize} flag of the config set on {@code subject}, or the global one when null. */
    default Optional<Boolean> normalize(String subject) {
        return config(subject).map(LogValue.ConfigValue::normalize);
    }

    /** The mode set on {@code subject}, or the global one when {@code subject} is null. */
    Optional<String> mode(String subject);

    @Override
    default Optional<CompatibilityLevel> compatibilityLevel(String scope) {
        return compatibility(scope).flatMap(CompatibilityLevel::parse);
    }

    @Override
    default Optional<Mode> modeSetting(String scope) {
        return mode(scope).flatMap(Mode::parse);
    }

    /**
     * The largest schema id ever assigned in {@code context} (0 when none). Ids are never reused, even after hard
     * deletes.
     */
    int maxId(String context);

    /** The sequence number of the last event appended (0 when none). */
    long lastSeq();
}
