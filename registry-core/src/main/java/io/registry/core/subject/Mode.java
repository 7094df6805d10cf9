package io.registry.core.subject;

import io.registry.core.EnumNames;

import java.util.Optional;

/** Confluent's registry modes. */
public enum Mode {
    READWRITE, READONLY, READONLY_OVERRIDE, IMPORT;

    public static final Mode DEFAULT = READWRITE;

    public static Optional<Mode> parse(String name) {
        return EnumNames.parse(Mode.class, name);
    }

    public boolean acceptsWrites() {
        return this == READWRITE || this == IMPORT;
    }
}
