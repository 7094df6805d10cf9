package io.registry.core.log;

import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.log.LogValue.SchemaValue;

/**
 * What a log record means, once for every reader of the log: the sequencer's index, the Postgres and the Redis
 * read models, a log snapshot. {@link LogEvent#dispatch} turns a record into exactly one of these calls (or none,
 * for NOOP and for tombstones of keys that carry no state), so the readers cannot disagree on what a record is, only
 * on how they store it. A new record type is a new {@link LogKey} record, which must implement
 * {@link LogKey#dispatch}, normally by calling a new method here, which then breaks the build of every reader
 * until each handles it.
 *
 * <p>The semantics, Confluent's (the readers must implement them exactly; the cross-store replay contract test
 * checks that they do):
 * <ul>
 *   <li>{@code SCHEMA} with a value creates or replaces that subject version; the key decides which version
 *   (compaction compares keys), so the value's own subject/version are overwritten with the key's.</li>
 *   <li>{@code SCHEMA} tombstone permanently removes that version (a hard delete).</li>
 *   <li>{@code CONFIG}/{@code MODE} set, or with a tombstone remove, the subject's (null: the global) setting.</li>
 *   <li>{@code DELETE_SUBJECT} soft-deletes every version up to the value's version.</li>
 *   <li>{@code CLEAR_SUBJECT} permanently removes the subject's <em>soft-deleted</em> versions and keeps the live
 *   ones: Confluent's {@code clearSubjects} ({@code InMemoryCache}: {@code match(subject) && value.isDeleted()}).
 *   Confluent writes it when a subject switches to IMPORT mode, after checking that no live version is left, so in a
 *   valid log it removes every version; a live version registered in between is never lost. Karapace neither
 *   writes nor reads it. A null subject (the global IMPORT switch) or a bare context ({@code :.ctx:}; {@code ""}
 *   is the default context) does the same to every subject in that scope ({@link ClearScope}).</li>
 *   <li>{@code NOOP}, and tombstones of {@code DELETE_SUBJECT}/{@code CLEAR_SUBJECT}/{@code NOOP} keys, change
 *   nothing.</li>
 * </ul>
 */
public interface LogEventHandler {

    /** A subject version written; {@code value.subject()/version()} are the record key's. */
    void schema(SchemaValue value);

    /** A {@code SCHEMA} tombstone: the version is gone for good. */
    void schemaTombstone(String subject, int version);

    /** A config set ({@code value} non-null) or removed; a null subject is the global config. */
    void config(String subject, ConfigValue value);

    /** A mode set ({@code mode} non-null) or removed; a null subject is the global mode. */
    void mode(String subject, String mode);

    /** Every version of the subject up to {@code upToVersion} (inclusive) is soft-deleted. */
    void deleteSubject(String subject, int upToVersion);

    /** The subject's soft-deleted versions are permanently removed; live versions stay. */
    void clearSubject(String subject);

    /**
     * {@link #clearSubject} for every subject in {@code scope} (every subject, or every subject of one context),
     * including subjects that no longer have a live version.
     */
    void clearSubjects(ClearScope scope);
}
