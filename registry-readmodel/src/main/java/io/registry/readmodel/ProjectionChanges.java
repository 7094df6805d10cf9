package io.registry.readmodel;

import io.registry.core.log.ClearScope;
import io.registry.core.log.LogEvent;
import io.registry.core.log.LogEventHandler;
import io.registry.core.log.LogRecordCodec;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.log.LogValue.SchemaValue;
import io.registry.core.schema.Fingerprints;
import io.registry.core.subject.QualifiedSubject;

/**
 * The changes a log event makes to a projection, in read-model terms. What a record means is
 * {@link LogEventHandler}'s (shared with the sequencer's index); each store implements the primitive changes for its
 * storage, in the order they are called.
 */
public interface ProjectionChanges extends LogEventHandler {

    /**
     * Stores a schema by (context, id) unless that id is already known in the context (content by id never
     * changes). {@code context} is the schema context of the subject it was registered under ("." by default).
     */
    void putSchema(String context, StoredSchema schema);

    /**
     * Creates or replaces one subject version. {@code value.subject()/version()} are the record key's;
     * {@code fingerprint} is its content's ({@link Fingerprints#of}), which a live version is found by when a
     * registration repeats it ({@code ReadModel#repeatOf}).
     */
    void putVersion(SchemaValue value, String fingerprint);

    /** Permanently removes one subject version (a tombstone for its key). */
    void removeVersion(String subject, int version);

    /** Marks every version of the subject up to {@code upToVersion} (inclusive) soft-deleted. */
    void softDeleteSubject(String subject, int upToVersion);

    /** Permanently removes the subject's soft-deleted versions, keeps its live ones ({@link LogEventHandler}). */
    @Override
    void clearSubject(String subject);

    /** {@link #clearSubject} for every subject in {@code scope} ({@link ClearScope}). */
    @Override
    void clearSubjects(ClearScope scope);

    /** Sets ({@code level} non-null) or removes the compatibility level; a null subject is the global config. */
    void putConfig(String subject, String level);

    /** Sets ({@code normalize} non-null) or removes the config's normalize flag; a null subject is global. */
    void putNormalize(String subject, Boolean normalize);

    /**
     * Sets ({@code extras} non-null) or removes the config's other fields (alias, validateFields,
     * compatibilityGroup, default/override metadata and rule sets: {@link LogRecordCodec#encodeConfigExtras}); a
     * null subject is global.
     */
    void putConfigExtras(String subject, String extras);

    /** Sets ({@code mode} non-null) or removes the mode; a null subject is the global mode. */
    void putMode(String subject, String mode);

    /** Translates one log event into the primitive changes above: the log's one reading, {@link LogEventHandler}. */
    default void apply(LogEvent event) {
        event.dispatch(this);
    }

    @Override
    default void schema(SchemaValue value) {
        // The text as the log stores it: what a producer re-sends verbatim, and what the API fingerprints unparsed.
        String fingerprint = Fingerprints.of(value.schemaType(), value.schema(), value.references());
        putSchema(QualifiedSubject.contextOf(value.subject()), new StoredSchema(value.id(), value.schemaType(),
                value.schema(), value.references(), fingerprint));
        putVersion(value, fingerprint);
    }

    @Override
    default void schemaTombstone(String subject, int version) {
        removeVersion(subject, version);
    }

    @Override
    default void config(String subject, ConfigValue value) {
        putConfig(subject, value == null ? null : value.compatibilityLevel());
        putNormalize(subject, value == null ? null : value.normalize());
        putConfigExtras(subject, LogRecordCodec.encodeConfigExtras(value));
    }

    @Override
    default void mode(String subject, String mode) {
        putMode(subject, mode);
    }

    @Override
    default void deleteSubject(String subject, int upToVersion) {
        softDeleteSubject(subject, upToVersion);
    }
}
