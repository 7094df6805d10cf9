package io.registry.core.subject;

import io.registry.core.command.Command;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogEvent;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogValue;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryStateMachineTest {
    private static final String V1 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    private static final String V2_WITH_DEFAULT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":["
            + "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";
    private static final String V2_NO_DEFAULT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":["
            + "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}]}";

    private final RegistryStateMachine machine = new RegistryStateMachine(new SchemaParser(SchemaFormats.standard()));
    private final InMemoryIndex index = new InMemoryIndex();

    private Outcome run(Command command) {
        return Sequenced.run(machine, index, command).outcome();
    }

    private static Command register(String subject, String schema) {
        return new Command.RegisterSchema(subject, SchemaType.AVRO, schema, List.of(), false, null, null, null, null);
    }

    @Test
    void firstRegistrationGetsIdOneVersionOne() {
        Outcome.Registered r = assertInstanceOf(Outcome.Registered.class, run(register("s", V1)));
        assertEquals(1, r.id());
        assertEquals(1, r.version());
        assertTrue(r.created());
    }

    @Test
    void repeatIsIdempotentAndAppendsNothing() {
        run(register("s", V1));
        Decision again = machine.decide(register("s", "  " + V1.replace(",", " , ")), index);
        assertTrue(again.events().isEmpty());
        Outcome.Registered r = assertInstanceOf(Outcome.Registered.class, again.outcome());
        assertEquals(1, r.id());
        assertFalse(r.created());
    }

    @Test
    void sameSchemaInAnotherSubjectKeepsItsId() {
        run(register("a", V1));
        Outcome.Registered r = assertInstanceOf(Outcome.Registered.class, run(register("b", V1)));
        assertEquals(1, r.id());
        assertEquals(1, r.version());
    }

    @Test
    void backwardIncompatibleChangeIsRejectedWithoutEvents() {
        run(register("s", V1));
        Decision d = machine.decide(register("s", V2_NO_DEFAULT), index);
        assertTrue(d.events().isEmpty());
        Outcome.Rejected r = assertInstanceOf(Outcome.Rejected.class, d.outcome());
        assertEquals(ErrorCode.INCOMPATIBLE_SCHEMA.code(), r.errorCode());
    }

    @Test
    void compatibleChangeGetsNextIdAndVersion() {
        run(register("s", V1));
        Outcome.Registered r = assertInstanceOf(Outcome.Registered.class, run(register("s", V2_WITH_DEFAULT)));
        assertEquals(2, r.id());
        assertEquals(2, r.version());
    }

    @Test
    void levelNoneAcceptsAnything() {
        run(register("s", V1));
        run(new Command.UpdateConfig("s", CompatibilityLevel.NONE));
        assertInstanceOf(Outcome.Registered.class, run(register("s", V2_NO_DEFAULT)));
    }

    @Test
    void invalidSchemaIs42201() {
        Outcome.Rejected r = assertInstanceOf(Outcome.Rejected.class, run(register("s", "{\"type\":\"nope\"}")));
        assertEquals(42201, r.errorCode());
    }

    @Test
    void readOnlyModeRejectsWrites() {
        machine.apply(new LogEvent(new LogKey.ModeKey(null), new LogValue.ModeValue("READONLY")), index);
        Outcome.Rejected r = assertInstanceOf(Outcome.Rejected.class, run(register("s", V1)));
        assertEquals(ErrorCode.OPERATION_NOT_PERMITTED.code(), r.errorCode());
    }

    @Test
    void softDeletedVersionsKeepTheirNumbersAndIdsAreNeverReused() {
        run(register("s", V1));
        machine.apply(new LogEvent(new LogKey.DeleteSubjectKey("s"), new LogValue.DeleteSubjectValue("s", 1)), index);
        Outcome.Registered again = assertInstanceOf(Outcome.Registered.class, run(register("s", V1)));
        assertEquals(1, again.id());
        assertEquals(2, again.version());
        machine.apply(new LogEvent(new LogKey.SchemaKey("s", 1), null), index);
        machine.apply(new LogEvent(new LogKey.SchemaKey("s", 2), null), index);
        Outcome.Registered other = assertInstanceOf(Outcome.Registered.class,
                run(register("s", V2_NO_DEFAULT)));
        assertEquals(2, other.id());
    }
}
