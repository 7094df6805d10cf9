package io.registry.core.compat;

import io.registry.core.EnumNames;

import java.util.Optional;

/** Confluent's seven compatibility levels, each a pair of directions plus "against the latest or against all". */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** The default when neither the subject nor the global config sets one (Confluent's default). */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** New schema must read data written with the old ones. */
    public boolean backward() {
        return backward;
    }

    /** Old schemas must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Checked against every previous version rather than only the latest. */
    public boolean transitive() {
        return transitive;
    }

    public static Optional<CompatibilityLevel> parse(String name) {
        return EnumNames.parse(CompatibilityLevel.class, name);
    }
}
