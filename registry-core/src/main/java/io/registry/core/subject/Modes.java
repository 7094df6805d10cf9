package io.registry.core.subject;

/** Mode resolution shared by every decision: the subject's own mode, else the global one, else READWRITE. */
final class Modes {
    private Modes() {
    }

    static Mode effective(RegistryIndex index, String subject) {
        return index.mode(subject).or(() -> index.mode(null)).flatMap(Mode::parse).orElse(Mode.DEFAULT);
    }
}
