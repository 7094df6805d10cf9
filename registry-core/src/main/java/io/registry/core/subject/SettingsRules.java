package io.registry.core.subject;

import io.registry.core.command.Command.DeleteConfig;
import io.registry.core.command.Command.DeleteMode;
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
 * config resets it to the default (a tombstone) and answers what was in effect.
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

    public static Decision decide(DeleteConfig cmd, RegistryIndex index) {
        Optional<String> current = index.compatibility(cmd.subject());
        if (current.isEmpty() && index.normalize(cmd.subject()).isEmpty()) {
            if (cmd.subject() != null) {
                return reject(ErrorCode.SUBJECT_NOT_FOUND, "Subject '" + cmd.subject() + "' not found.");
            }
            return Decision.answer(new Outcome.ConfigDeleted(CompatibilityLevel.BACKWARD.name()));
        }
        return new Decision(List.of(new LogEvent(new LogKey.ConfigKey(cmd.subject()), null)),
                new Outcome.ConfigDeleted(current.orElse(null)));
    }

    private static Decision reject(ErrorCode code, String message) {
        return Decision.answer(Rejected.of(code, message));
    }
}
