package io.registry.core.log;

/**
 * Keys of the {@code _schemas} log, in Confluent's formats. Compaction keeps the latest value per key, so the
 * key decides what a record replaces: a subject version, a subject's (or the global) config or mode, ...
 */
public sealed interface LogKey {
    String keytype();

    /** {@code {"keytype":"SCHEMA","subject":…,"version":…,"magic":1}} */
    record SchemaKey(String subject, int version) implements LogKey {
        public String keytype() {
            return "SCHEMA";
        }
    }

    /** {@code {"keytype":"CONFIG","subject":…|null,"magic":0}}; a null subject is the global config. */
    record ConfigKey(String subject) implements LogKey {
        public String keytype() {
            return "CONFIG";
        }
    }

    /** {@code {"keytype":"MODE","subject":…|null,"magic":0}} */
    record ModeKey(String subject) implements LogKey {
        public String keytype() {
            return "MODE";
        }
    }

    /** {@code {"keytype":"DELETE_SUBJECT","subject":…,"magic":0}}: soft delete of a whole subject. */
    record DeleteSubjectKey(String subject) implements LogKey {
        public String keytype() {
            return "DELETE_SUBJECT";
        }
    }

    /** {@code {"keytype":"CLEAR_SUBJECT","subject":…,"magic":0}}: permanent delete of a whole subject. */
    record ClearSubjectKey(String subject) implements LogKey {
        public String keytype() {
            return "CLEAR_SUBJECT";
        }
    }

    /** {@code {"keytype":"NOOP","magic":0}}: written by Confluent to find the end of the log; carries no state. */
    record NoopKey() implements LogKey {
        public String keytype() {
            return "NOOP";
        }
    }
}
