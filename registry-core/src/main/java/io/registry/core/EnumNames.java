package io.registry.core;

import java.util.Locale;
import java.util.Optional;

/** Enum values as clients write them: any case, nothing else (no trimming: Confluent refuses "NONE "). */
public final class EnumNames {
    private EnumNames() {
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
