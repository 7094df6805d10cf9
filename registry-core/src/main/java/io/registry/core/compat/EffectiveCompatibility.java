package io.registry.core.compat;

import java.util.Optional;

/** Subject level, else global level, else Confluent's default (BACKWARD). */
public final class EffectiveCompatibility {
    private EffectiveCompatibility() {
    }

    public static CompatibilityLevel of(Optional<CompatibilityLevel> subjectLevel,
                                        Optional<CompatibilityLevel> globalLevel) {
        return subjectLevel.or(() -> globalLevel).orElse(CompatibilityLevel.DEFAULT);
    }
}
