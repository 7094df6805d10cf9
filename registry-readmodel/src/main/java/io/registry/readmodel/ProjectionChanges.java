package io.registry.readmodel;

import io.registry.core.log.LogEvent;
import io.registry.core.log.LogKey.ClearSubjectKey;
import io.registry.core.log.LogKey.ConfigKey;
import io.registry.core.log.LogKey.DeleteSubjectKey;
import io.registry.core.log.LogKey.ModeKey;
import io.registry.core.log.LogKey.SchemaKey;
import io.registry.core.log.LogRecordCodec;
import io.registry.core.log.LogValue.ClearSubjectValue;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.log.LogValue.DeleteSubjectValue;
import io.registry.core.log.LogValue.ModeValue;
import io.registry.core.log.LogValue.SchemaValue;
import io.registry.core.schema.Fingerprints;
import io.registry.core.subject.QualifiedSubject;

/**
 * The changes a log event makes to a projection, in read-model terms. {@link #apply(LogEvent)} holds the log's
 * semantics once; each store implements the primitive changes for its storage, in the order they are called.
 */
public interface ProjectionChanges {

    /**
     * Stores a schema by (context, id) unless that id is already known in the context (content by id never
     * changes). {@code context} is the schema context of the subject it was registered under ("." by default).
     */
    void putSchema(String context, StoredSchema schema);

    /** Creates or replaces one subject version. {@code value.subject()/version()} are the record key's. */
    void putVersion(SchemaValue value);

    /** Permanently removes one subject version (a tombstone for its key). */
    void removeVersion(String subject, int version);

    /** Marks every version of the subject up to {@code upToVersion} (inclusive) soft-deleted. */
    void softDeleteSubject(String subject, int upToVersion);

    /**
     * Permanently removes the subject's soft-deleted versions. Like Confluent's {@code clearSubjects}, live versions
     * are kept: the sequencer only clears a subject whose versions are all soft-deleted, so in a valid log this
     * removes every version, and a version registered concurrently is never lost.
     */
    void clearSubject(String subject);

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

    /** Translates one log event into the primitive changes above. NOOP records change nothing. */
    default void apply(LogEvent event) {
        if (event.key() instanceof SchemaKey key) {
            if (event.value() instanceof SchemaValue value) {
                // The key decides which version a record replaces (compaction compares keys), so it wins over the
                // value's own subject/version should they ever disagree.
                SchemaValue keyed = new SchemaValue(key.subject(), key.version(), value.id(), value.schemaType(),
                        value.schema(), value.references(), value.metadata(), value.ruleSet(), value.deleted());
                putSchema(QualifiedSubject.contextOf(key.subject()), new StoredSchema(value.id(), value.schemaType(), value.schema(), value.references(),
                        Fingerprints.of(value.schemaType(), value.schema(), value.references())));
                putVersion(keyed);
            } else {
                removeVersion(key.subject(), key.version());
            }
        } else if (event.key() instanceof ConfigKey key) {
            putConfig(key.subject(), event.value() instanceof ConfigValue v ? v.compatibilityLevel() : null);
            putNormalize(key.subject(), event.value() instanceof ConfigValue v ? v.normalize() : null);
            putConfigExtras(key.subject(),
                    event.value() instanceof ConfigValue v ? LogRecordCodec.encodeConfigExtras(v) : null);
        } else if (event.key() instanceof ModeKey key) {
            putMode(key.subject(), event.value() instanceof ModeValue v ? v.mode() : null);
        } else if (event.key() instanceof DeleteSubjectKey key) {
            if (event.value() instanceof DeleteSubjectValue v) {
                softDeleteSubject(key.subject(), v.version());
            }
        } else if (event.key() instanceof ClearSubjectKey key) {
            if (event.value() instanceof ClearSubjectValue) {
                clearSubject(key.subject());
            }
        }
    }
}
