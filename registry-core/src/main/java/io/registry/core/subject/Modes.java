package io.registry.core.subject;

import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;

import java.util.Optional;

/** What a subject's mode in effect ({@link EffectiveSettings#mode}) permits a registration. */
final class Modes {
    private Modes() {
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
