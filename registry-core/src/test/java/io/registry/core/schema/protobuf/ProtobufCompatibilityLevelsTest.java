package io.registry.core.schema.protobuf;

import io.registry.core.compat.CompatibilityChecker;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.schema.ParsedSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.registry.core.compat.CompatibilityLevel.BACKWARD;
import static io.registry.core.compat.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static io.registry.core.compat.CompatibilityLevel.FORWARD;
import static io.registry.core.compat.CompatibilityLevel.FORWARD_TRANSITIVE;
import static io.registry.core.compat.CompatibilityLevel.FULL;
import static io.registry.core.compat.CompatibilityLevel.FULL_TRANSITIVE;
import static io.registry.core.compat.CompatibilityLevel.NONE;
import static io.registry.core.schema.protobuf.TestProtos.FORMAT;
import static io.registry.core.schema.protobuf.TestProtos.customer;
import static io.registry.core.schema.protobuf.TestProtos.proto;
import static io.registry.core.schema.protobuf.TestProtos.proto3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seven levels through {@link CompatibilityChecker}, over subject histories of three versions. */
class ProtobufCompatibilityLevelsTest {

    /**
     * customer v1 has {@code int32 loyalty_points = 5}; v2 drops it (compatible); v3 reuses 5 as a string.
     * Against v2 that is a plain addition; against v1 it changes the scalar encoding, in both directions.
     */
    @Test
    void transitiveLevelsCheckEveryPreviousVersion() {
        List<ParsedSchema> history = List.of(customer("v1"), customer("v2"));
        ParsedSchema v3 = customer("v3");

        assertCompatible(NONE, v3, history);
        assertCompatible(BACKWARD, v3, history);
        assertIncompatible(BACKWARD_TRANSITIVE, v3, history);
        assertCompatible(FORWARD, v3, history);
        assertIncompatible(FORWARD_TRANSITIVE, v3, history);
        assertCompatible(FULL, v3, history);
        assertIncompatible(FULL_TRANSITIVE, v3, history);
    }

    /**
     * v3 adds a member to a oneof: new readers understand old data, but an old reader would drop a value
     * written in the new member (ONEOF_FIELD_REMOVED seen from the old side).
     */
    @Test
    void directionMattersForOneofAdditions() {
        List<ParsedSchema> history = List.of(
                proto(proto3("message Payment { string id = 1; oneof method { string card = 2; } }")),
                proto(proto3("message Payment { string id = 1; string note = 5; oneof method { string card = 2; } }")));
        ParsedSchema v3 = proto(proto3(
                "message Payment { string id = 1; string note = 5; oneof method { string card = 2; string iban = 3; } }"));

        assertCompatible(NONE, v3, history);
        assertCompatible(BACKWARD, v3, history);
        assertCompatible(BACKWARD_TRANSITIVE, v3, history);
        assertIncompatible(FORWARD, v3, history);
        assertIncompatible(FORWARD_TRANSITIVE, v3, history);
        assertIncompatible(FULL, v3, history);
        assertIncompatible(FULL_TRANSITIVE, v3, history);
    }

    /** The mirror image: removing the oneof member is fine for old readers only. */
    @Test
    void removingAOneofMemberIsForwardOnly() {
        List<ParsedSchema> history = List.of(
                proto(proto3("message Payment { string id = 1; oneof method { string card = 2; string iban = 3; } }")),
                proto(proto3("message Payment { string id = 1; string note = 5;"
                        + " oneof method { string card = 2; string iban = 3; } }")));
        ParsedSchema v3 = proto(proto3("message Payment { string id = 1; string note = 5; oneof method { string card = 2; } }"));

        assertIncompatible(BACKWARD, v3, history);
        assertIncompatible(BACKWARD_TRANSITIVE, v3, history);
        assertCompatible(FORWARD, v3, history);
        assertCompatible(FORWARD_TRANSITIVE, v3, history);
        assertIncompatible(FULL, v3, history);
        assertIncompatible(FULL_TRANSITIVE, v3, history);
    }

    @Test
    void messagesSayWhichDirectionFailed() {
        List<ParsedSchema> history = List.of(proto(proto3("message A { int32 a = 1; }")));
        List<String> messages = CompatibilityChecker.check(FORMAT, FULL, proto(proto3("message A { string a = 1; }")),
                history);
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("BACKWARD: {\"errorType\":\"FIELD_SCALAR_KIND_CHANGED\""), messages.get(0));
        assertTrue(messages.get(1).startsWith("FORWARD: {\"errorType\":\"FIELD_SCALAR_KIND_CHANGED\""), messages.get(1));
    }

    @ParameterizedTest
    @EnumSource(CompatibilityLevel.class)
    void theFirstVersionIsAlwaysCompatible(CompatibilityLevel level) {
        assertCompatible(level, customer("v1"), List.of());
    }

    private static void assertCompatible(CompatibilityLevel level, ParsedSchema proposed, List<ParsedSchema> history) {
        assertEquals(List.of(), CompatibilityChecker.check(FORMAT, level, proposed, history), level.name());
    }

    private static void assertIncompatible(CompatibilityLevel level, ParsedSchema proposed, List<ParsedSchema> history) {
        assertFalse(CompatibilityChecker.check(FORMAT, level, proposed, history).isEmpty(), level.name());
    }
}
