package io.registry.core.subject;

import java.util.Locale;
import java.util.Optional;

/** Confluent's registry modes. */
public enum Mode {
    READWRITE, READONLY, READONLY_OVERRIDE, IMPORT;

    public static final Mode DEFAULT = READWRITE;

    public static Optional<Mode> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean acceptsWrites() {
        return this == READWRITE || this == IMPORT;
    }
}
