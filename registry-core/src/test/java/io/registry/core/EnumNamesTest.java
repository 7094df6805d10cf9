package io.registry.core;

import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.subject.Mode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnumNamesTest {

    @Test
    void namesAreCaseInsensitive() {
        assertEquals(Optional.of(CompatibilityLevel.BACKWARD_TRANSITIVE),
                EnumNames.parse(CompatibilityLevel.class, "backward_Transitive"));
        assertEquals(Optional.of(Mode.READONLY), EnumNames.parse(Mode.class, "readonly"));
    }

    /** As Confluent's {@code CompatibilityLevel.forName} and mode parsing: "NONE " is no level (found by fuzzing). */
    @Test
    void surroundingBlanksAreNotIgnored() {
        assertEquals(Optional.empty(), EnumNames.parse(CompatibilityLevel.class, "NONE "));
        assertEquals(Optional.empty(), EnumNames.parse(Mode.class, " READWRITE"));
        assertEquals(Optional.empty(), EnumNames.parse(Mode.class, null));
    }
}
