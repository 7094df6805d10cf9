package io.registry.core.semver;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the step between two semantic versions is judged. The wire names are part of the command format. */
public enum BumpPolicy {
    /**
     * By the change ({@link SemverPolicy}): breaking under the subject's level (BACKWARD under NONE) → major,
     * structural → minor, annotations only → patch.
     */
    CHANGE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BumpPolicy> parse(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(wire)).findFirst();
    }
}
