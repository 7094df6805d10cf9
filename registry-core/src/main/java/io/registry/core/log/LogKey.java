package io.registry.core.log;

/**
 * Keys of the {@code _schemas} log, in Confluent's formats. Compaction keeps the latest value per key, so the
 * key decides what a record replaces: a subject version, a subject's (or the global) config or mode, ...
 */
public sealed interface LogKey {
    String keytype();

    /**
     * Tells {@code handler} what this key with {@code value} (null: a tombstone) means. Every key type implements
     * it, so a new one cannot be read by some readers and forgotten by others ({@link LogEventHandler}).
     */
    void dispatch(LogValue value, LogEventHandler handler);

    /** {@code {"keytype":"SCHEMA","subject":…,"version":…,"magic":1}} */
    record SchemaKey(String subject, int version) implements LogKey {
        public String keytype() {
            return "SCHEMA";
        }

        public void dispatch(LogValue value, LogEventHandler handler) {
            if (value instanceof LogValue.SchemaValue v) {
                handler.schema(subject.equals(v.subject()) && v.version() == version ? v
                        : new LogValue.SchemaValue(subject, version, v.id(), v.schemaType(), v.schema(),
                        v.references(), v.metadata(), v.ruleSet(), v.deleted()));
            } else {
                handler.schemaTombstone(subject, version);
            }
        }
    }

    /** {@code {"keytype":"CONFIG","subject":…|null,"magic":0}}; a null subject is the global config. */
    record ConfigKey(String subject) implements LogKey {
        public String keytype() {
            return "CONFIG";
        }

        public void dispatch(LogValue value, LogEventHandler handler) {
            handler.config(subject, value instanceof LogValue.ConfigValue v ? v : null);
        }
    }

    /** {@code {"keytype":"MODE","subject":…|null,"magic":0}} */
    record ModeKey(String subject) implements LogKey {
        public String keytype() {
            return "MODE";
        }

        public void dispatch(LogValue value, LogEventHandler handler) {
            handler.mode(subject, value instanceof LogValue.ModeValue v ? v.mode() : null);
        }
    }

    /** {@code {"keytype":"DELETE_SUBJECT","subject":…,"magic":0}}: soft delete of a whole subject. */
    record DeleteSubjectKey(String subject) implements LogKey {
        public String keytype() {
            return "DELETE_SUBJECT";
        }

        public void dispatch(LogValue value, LogEventHandler handler) {
            if (value instanceof LogValue.DeleteSubjectValue v) {
                handler.deleteSubject(subject, v.version());
            }
        }
    }

    /**
     * {@code {"keytype":"CLEAR_SUBJECT","subject":…|null,"magic":0}}: permanent delete of the soft-deleted versions
     * (live ones stay) of one subject ({@link LogEventHandler#clearSubject}) or, when the subject is null or a bare
     * context, of every subject in that scope ({@link LogEventHandler#clearSubjects}, {@link ClearScope}: what
     * Confluent writes when the whole registry or a context switches to IMPORT mode).
     *
     * <p>The key's subject decides, as for every key here; Confluent reads the value's, which is the same in every
     * record it writes (and the codec falls back to the key's when the value has none).
     */
    record ClearSubjectKey(String subject) implements LogKey {
        public String keytype() {
            return "CLEAR_SUBJECT";
        }

        public void dispatch(LogValue value, LogEventHandler handler) {
            if (value instanceof LogValue.ClearSubjectValue) {
                ClearScope scope = ClearScope.of(subject);
                if (scope == null) {
                    handler.clearSubject(subject);
                } else {
                    handler.clearSubjects(scope);
                }
            }
        }
    }

    /** {@code {"keytype":"NOOP","magic":0}}: written by Confluent to find the end of the log; carries no state. */
    record NoopKey() implements LogKey {
        public String keytype() {
            return "NOOP";
        }

        public void dispatch(LogValue value, LogEventHandler handler) {
            // carries no state
        }
    }
}
