package io.registry.core.subject;

import io.registry.core.command.Command.DeleteConfig;
import io.registry.core.command.Command.DeleteMode;
import io.registry.core.command.Command.UpdateConfig;
import io.registry.core.command.Command.UpdateMode;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.command.Outcome.Rejected;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogEvent;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogValue;

import java.util.List;
import java.util.Optional;

/**
 * Confluent's rules for modes and for removing configs: 42204 for an unknown mode; 42205 when entering IMPORT
 * while live schemas exist in that scope (globally: any subject; for a subject: that subject) unless
 * {@code force}; 40401 when deleting a subject mode or config that is not set. Deleting the global mode or
 * config resets it to the default (a tombstone) and answers what was in effect. Config updates and deletes are
 * refused (42205) while the scope's mode is READONLY or READONLY_OVERRIDE (Confluent's {@code updateConfig} /
 * {@code deleteSubjectConfig}); mode changes never are, or a read-only registry could not be opened again.
 */
public final class SettingsRules {
    private SettingsRules() {
    }

    public static Decision decide(UpdateMode cmd, RegistryIndex index) {
        Optional<Mode> mode = Mode.parse(cmd.mode());
        if (mode.isEmpty()) {
            return reject(ErrorCode.INVALID_MODE, "Invalid mode. Valid values are READWRITE, READONLY, "
                    + "READONLY_OVERRIDE and IMPORT.");
        }
        if (mode.get() == Mode.IMPORT && !cmd.force()) {
            Mode current = index.mode(cmd.subject()).flatMap(Mode::parse).orElse(null);
            boolean hasSchemas = cmd.subject() == null
                    ? index.anyLiveVersion("")
                    : QualifiedSubject.isContextScope(cmd.subject())
                    ? index.anyLiveVersion(QualifiedSubject.parse(cmd.subject()).contextPrefix())
                    : index.versions(cmd.subject()).stream().anyMatch(v -> !v.deleted());
            if (current != Mode.IMPORT && hasSchemas) {
                return reject(ErrorCode.OPERATION_NOT_PERMITTED, "Cannot import since found existing subjects");
            }
        }
        String name = mode.get().name();
        return new Decision(List.of(new LogEvent(new LogKey.ModeKey(cmd.subject()), new LogValue.ModeValue(name))),
                new Outcome.ModeUpdated(name));
    }

    public static Decision decide(DeleteMode cmd, RegistryIndex index) {
        Optional<String> current = index.mode(cmd.subject());
        if (current.isEmpty()) {
            if (cmd.subject() != null) {
                return reject(ErrorCode.SUBJECT_NOT_FOUND, "Subject '" + cmd.subject() + "' not found.");
            }
            return Decision.answer(new Outcome.ModeDeleted(Mode.DEFAULT.name()));
        }
        return new Decision(List.of(new LogEvent(new LogKey.ModeKey(cmd.subject()), null)),
                new Outcome.ModeDeleted(current.get()));
    }

    /** Merges the update into the scope's config (Confluent's {@code ConfigValue.update}) and writes the result. */
    public static Decision decide(UpdateConfig cmd, RegistryIndex index) {
        Optional<Decision> readOnly = readOnly(index, cmd.subject());
        if (readOnly.isPresent()) {
            return readOnly.get();
        }
        LogValue.ConfigValue merged = index.config(cmd.subject())
                .map(current -> current.mergedWith(cmd.changes()))
                .orElse(cmd.changes());
        return new Decision(List.of(new LogEvent(new LogKey.ConfigKey(cmd.subject()), merged)),
                new Outcome.ConfigUpdated(merged.compatibilityLevel(), merged.normalize()));
    }

    public static Decision decide(DeleteConfig cmd, RegistryIndex index) {
        Optional<LogValue.ConfigValue> config = index.config(cmd.subject());
        if (config.isEmpty()) {
            if (cmd.subject() != null) {
                return reject(ErrorCode.SUBJECT_NOT_FOUND, "Subject '" + cmd.subject() + "' not found.");
            }
            return Decision.answer(new Outcome.ConfigDeleted(CompatibilityLevel.BACKWARD.name()));
        }
        Optional<Decision> readOnly = readOnly(index, cmd.subject());
        if (readOnly.isPresent()) {
            return readOnly.get();
        }
        return new Decision(List.of(new LogEvent(new LogKey.ConfigKey(cmd.subject()), null)),
                new Outcome.ConfigDeleted(config.get().compatibilityLevel()));
    }

    /**
     * 42205 while {@code subject}'s mode (the global one for null) is read-only, with Confluent's message (which
     * says "Subject null" for the global scope).
     */
    static Optional<Decision> readOnly(RegistryIndex index, String subject) {
        Mode mode = EffectiveSettings.mode(index, subject);
        if (!mode.acceptsWrites()) {
            return Optional.of(reject(ErrorCode.OPERATION_NOT_PERMITTED,
                    "Subject " + subject + " is in read-only mode"));
        }
        return Optional.empty();
    }

    private static Decision reject(ErrorCode code, String message) {
        return Decision.answer(Rejected.of(code, message));
    }
}
