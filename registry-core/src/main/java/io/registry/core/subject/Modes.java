package io.registry.core.subject;

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
}
