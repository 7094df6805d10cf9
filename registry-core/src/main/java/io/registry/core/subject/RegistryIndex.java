package io.registry.core.subject;

import java.util.List;
import java.util.Optional;

/**
 * The sequencer's view of the registry: just enough state to decide the next command. Backed by a Kafka Streams
 * state store in production; everything in it is derived from the log.
 */
public interface RegistryIndex {
    Optional<Integer> idForFingerprint(String fingerprint);

    Optional<IndexedSchema> schema(int id);

    /** All versions, soft-deleted included, ascending. */
    List<IndexedVersion> versions(String subject);

    /** Whether any subject has a live version (entering global IMPORT mode needs an empty registry). */
    boolean anyLiveVersion();

    /**
     * The live versions whose schemas reference {@code subject} version {@code version} (Confluent's
     * "referenced by"); soft-deleted referrers do not count.
     */
    List<Referrer> referrers(String subject, int version);

    /** The compatibility level set on {@code subject}, or the global one when {@code subject} is null. */
    Optional<String> compatibility(String subject);

    /** The {@code normalize} flag of the config set on {@code subject}, or the global one when null. */
    Optional<Boolean> normalize(String subject);

    /** The mode set on {@code subject}, or the global one when {@code subject} is null. */
    Optional<String> mode(String subject);

    /** The largest schema id ever assigned (0 when none). Ids are never reused, even after hard deletes. */
    int maxId();

    /** The sequence number of the last event appended (0 when none). */
    long lastSeq();
}
