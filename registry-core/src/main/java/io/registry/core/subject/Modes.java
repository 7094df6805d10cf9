package io.registry.core.subject;

import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;

import java.util.Optional;

/** Mode resolution shared by every decision: the subject's own mode, else the global one, else READWRITE. */
final class Modes {
    private Modes() {
    }

    /** A global READONLY_OVERRIDE wins over subject modes, as in Confluent. */
    static Mode effective(RegistryIndex index, String subject) {
        Optional<Mode> global = index.mode(null).flatMap(Mode::parse);
        if (global.isPresent() && global.get() == Mode.READONLY_OVERRIDE) {
            return Mode.READONLY_OVERRIDE;
        }
        // A subject of a named context falls back to its context's mode (:.ctx:), not the global one (Confluent).
        String scope = QualifiedSubject.parentScope(subject);
        Optional<Mode> parent = scope == null ? global : index.mode(scope).flatMap(Mode::parse);
        return index.mode(subject).flatMap(Mode::parse).or(() -> parent).orElse(Mode.DEFAULT);
    }

    /**
     * Confluent's {@code checkRegisterMode}: 42205 in a read-only mode; a registration with an explicit id needs
     * IMPORT mode, one without needs READWRITE (so IMPORT refuses registrations that do not name the id).
     */
    static Optional<Decision> registrationRefusal(Mode mode, String subject, boolean explicitId) {
        String refusal = null;
        if (!mode.acceptsWrites()) {
            refusal = "Subject " + subject + " is in read-only mode";
        } else if (explicitId && mode != Mode.IMPORT) {
            refusal = "Subject " + subject + " is not in import mode";
        } else if (!explicitId && mode != Mode.READWRITE) {
            refusal = "Subject " + subject + " is not in read-write mode";
        }
        return Optional.ofNullable(refusal).map(message -> Decision.answer(
                Outcome.Rejected.of(ErrorCode.OPERATION_NOT_PERMITTED, message)));
    }
}
