package io.registry.core.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What the sequencer decided for one command. Type names are wire format: never rename one. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Outcome.Registered.class, name = "registered"),
        @JsonSubTypes.Type(value = Outcome.ConfigUpdated.class, name = "config-updated"),
        @JsonSubTypes.Type(value = Outcome.Rejected.class, name = "rejected"),
        @JsonSubTypes.Type(value = Outcome.SubjectDeleted.class, name = "subject-deleted"),
        @JsonSubTypes.Type(value = Outcome.VersionDeleted.class, name = "version-deleted"),
        @JsonSubTypes.Type(value = Outcome.ModeUpdated.class, name = "mode-updated"),
        @JsonSubTypes.Type(value = Outcome.ModeDeleted.class, name = "mode-deleted"),
        @JsonSubTypes.Type(value = Outcome.ConfigDeleted.class, name = "config-deleted")
})
public sealed interface Outcome {

    /**
     * @param created  false when the schema was already registered under the subject (idempotent repeat)
     * @param replayed an IMPORT of a version that already exists with this id and schema: Confluent answers it with
     *                 the whole registered schema, not just the id (added later; absent on the wire = false)
     * @param semver   the version's semantic version when the command asked for one (reply format v2; else null)
     */
    record Registered(int id, int version, boolean created, boolean replayed, String semver) implements Outcome {
        public Registered(int id, int version, boolean created) {
            this(id, version, created, false, null);
        }

        public Registered(int id, int version, boolean created, boolean replayed) {
            this(id, version, created, replayed, null);
        }
    }

    /** The scope's config after the update; {@code normalize} null when not set. */
    record ConfigUpdated(String compatibilityLevel, Boolean normalize) implements Outcome {
        public ConfigUpdated(String compatibilityLevel) {
            this(compatibilityLevel, null);
        }
    }

    /** @param versions the versions deleted, ascending (Confluent's response body) */
    record SubjectDeleted(java.util.List<Integer> versions) implements Outcome {
        public SubjectDeleted {
            versions = versions == null ? java.util.List.of() : java.util.List.copyOf(versions);
        }
    }

    record VersionDeleted(int version) implements Outcome {
    }

    record ModeUpdated(String mode) implements Outcome {
    }

    /** @param mode the mode that was in effect in that scope before the delete */
    record ModeDeleted(String mode) implements Outcome {
    }

    /** @param compatibilityLevel the level that was set in that scope before the delete */
    record ConfigDeleted(String compatibilityLevel) implements Outcome {
    }

    /** Nothing was written to the log. */
    record Rejected(int errorCode, String message) implements Outcome {
        public static Rejected of(ErrorCode code, String message) {
            return new Rejected(code.code(), message);
        }

        public ErrorCode error() {
            return ErrorCode.fromCode(errorCode);
        }
    }
}
