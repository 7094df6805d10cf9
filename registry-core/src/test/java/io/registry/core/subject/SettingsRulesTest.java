package io.registry.core.subject;

import io.registry.core.command.Command;
import io.registry.core.command.Outcome;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsRulesTest {
    private static final String V1 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    private final RegistryStateMachine machine = new RegistryStateMachine(new SchemaParser(SchemaFormats.standard()));
    private final InMemoryIndex index = new InMemoryIndex();

    private Outcome run(Command command) {
        return Sequenced.run(machine, index, command).outcome();
    }

    private int rejected(Command command) {
        return assertInstanceOf(Outcome.Rejected.class, run(command)).errorCode();
    }

    @Test
    void importNeedsAnEmptyScopeUnlessForced() {
        assertInstanceOf(Outcome.ModeUpdated.class, run(new Command.UpdateMode(null, "IMPORT", false)));
        run(new Command.DeleteMode(null));
        run(new Command.RegisterSchema("s", SchemaType.AVRO, V1, List.of(), false, null, null, null, null));
        assertEquals(42205, rejected(new Command.UpdateMode(null, "IMPORT", false)));
        assertEquals(42205, rejected(new Command.UpdateMode("s", "IMPORT", false)));
        assertInstanceOf(Outcome.ModeUpdated.class, run(new Command.UpdateMode("other", "IMPORT", false)));
        assertInstanceOf(Outcome.ModeUpdated.class, run(new Command.UpdateMode(null, "IMPORT", true)));
        assertEquals(42204, rejected(new Command.UpdateMode(null, "SIDEWAYS", false)));
    }

    @Test
    void readOnlyOverrideBeatsSubjectModes() {
        run(new Command.UpdateMode("s", "READWRITE", false));
        run(new Command.UpdateMode(null, "READONLY_OVERRIDE", false));
        assertEquals(42205, rejected(
                new Command.RegisterSchema("s", SchemaType.AVRO, V1, List.of(), false, null, null, null, null)));
        run(new Command.UpdateMode(null, "READONLY", false));
        assertInstanceOf(Outcome.Registered.class, run(
                new Command.RegisterSchema("s", SchemaType.AVRO, V1, List.of(), false, null, null, null, null)));
    }

    @Test
    void deletingSettings() {
        assertEquals(40401, rejected(new Command.DeleteMode("s")));
        assertEquals(40401, rejected(new Command.DeleteConfig("s")));
        assertEquals("READWRITE", assertInstanceOf(Outcome.ModeDeleted.class,
                run(new Command.DeleteMode(null))).mode());
        assertEquals("BACKWARD", assertInstanceOf(Outcome.ConfigDeleted.class,
                run(new Command.DeleteConfig(null))).compatibilityLevel());
        run(new Command.UpdateConfig("s", io.registry.core.compat.CompatibilityLevel.FULL));
        assertEquals("FULL", assertInstanceOf(Outcome.ConfigDeleted.class,
                run(new Command.DeleteConfig("s"))).compatibilityLevel());
        assertTrue(index.compatibility("s").isEmpty());
    }
}
