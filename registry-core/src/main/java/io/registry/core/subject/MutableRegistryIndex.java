package io.registry.core.subject;

import io.registry.core.log.LogValue;

import java.util.List;

/** Write side of the index, used only by {@link RegistryStateMachine#apply}. */
public interface MutableRegistryIndex extends RegistryIndex {
    void putSchema(String context, IndexedSchema schema, String fingerprint);

    void putVersions(String subject, List<IndexedVersion> versions);

    /** Subjects that hold any version (live or soft-deleted). */
    List<String> subjects();

    /** Replaces the referrers of {@code subject} version {@code version}; an empty list removes the entry. */
    void putReferrers(String subject, int version, List<Referrer> referrers);

    /** Sets ({@code config} non-null) or removes the config of {@code subject} (the global one when null). */
    void putConfig(String subject, LogValue.ConfigValue config);

    void putMode(String subject, String mode);

    void putMaxId(String context, int id);

    void putLastSeq(long seq);
}
