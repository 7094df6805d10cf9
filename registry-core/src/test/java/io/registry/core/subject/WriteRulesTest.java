package io.registry.core.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.core.command.Command;
import io.registry.core.command.Outcome;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Confluent's IMPORT, read-only config, config merge, reserved-field and compatibility-group rules (issue 9). */
class WriteRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RegistryStateMachine machine = new RegistryStateMachine(new SchemaParser(SchemaFormats.standard()));
    private final InMemoryIndex index = new InMemoryIndex();

    private static String record(String... fields) {
        StringBuilder f = new StringBuilder();
        for (String name : fields) {
            f.append(f.isEmpty() ? "" : ",").append("{\"name\":\"").append(name).append("\",\"type\":\"string\"}");
        }
        return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + f + "]}";
    }

    private static JsonNode properties(String json) {
        try {
            return JSON.readTree("{\"properties\":" + json + "}");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Outcome register(String subject, String schema, Integer id, Integer version, JsonNode metadata) {
        return Sequenced.run(machine, index, new Command.RegisterSchema(subject, SchemaType.AVRO, schema, List.of(),
                false, id, version, metadata, null)).outcome();
    }

    private Outcome run(Command command) {
        return Sequenced.run(machine, index, command).outcome();
    }

    private static Outcome.Rejected rejected(Outcome outcome) {
        return assertInstanceOf(Outcome.Rejected.class, outcome);
    }

    @Test
    void importRules() {
        run(new Command.UpdateMode(null, "IMPORT", false));
        Outcome.Rejected noId = rejected(register("a", record("x"), null, null, null));
        assertEquals(42205, noId.errorCode());
        assertEquals("Subject a is not in read-write mode", noId.message());

        assertEquals(new Outcome.Registered(500, 5, true), register("a", record("x"), 500, 5, null));
        Outcome.Registered replay = assertInstanceOf(Outcome.Registered.class, register("a", record("x"), 500, 5,
                null));
        assertTrue(replay.replayed());
        assertEquals(new Outcome.Registered(500, 1, true), register("b", record("x"), 500, 1, null));
        Outcome.Rejected taken = rejected(register("b", record("y"), 500, 2, null));
        assertEquals("Overwrite new schema with id 500 is not permitted.", taken.message());
        // incompatible content is fine while importing
        assertInstanceOf(Outcome.Registered.class, register("a", "\"string\"", 501, 6, null));

        run(new Command.DeleteMode(null));
        assertEquals(502, assertInstanceOf(Outcome.Registered.class, register("c", record("z"), null, null, null))
                .id(), "imported ids advance the next id");
        assertEquals("Subject c is not in import mode", rejected(register("c", record("z", "w"), 900, null,
                null)).message());
        assertEquals(42201, rejected(register("c", record("z"), null, 7, null)).errorCode(),
                "outside IMPORT a version must be the next one");
    }

    @Test
    void readOnlyModesRefuseConfigChangesButAnswerKnownSchemas() {
        register("s", record("x"), null, null, null);
        run(new Command.UpdateConfig("s", CompatibilityLevel.FULL));
        run(new Command.UpdateMode("s", "READONLY", false));
        assertEquals("Subject s is in read-only mode",
                rejected(run(new Command.UpdateConfig("s", CompatibilityLevel.NONE))).message());
        assertEquals(42205, rejected(run(new Command.DeleteConfig("s"))).errorCode());
        assertEquals(40401, rejected(run(new Command.DeleteConfig("t"))).errorCode(), "40401 comes first");
        assertInstanceOf(Outcome.Registered.class, register("s", record("x"), null, null, null));
        assertEquals(42205, rejected(register("s", record("x", "y"), null, null, null)).errorCode());

        run(new Command.DeleteMode("s"));
        run(new Command.UpdateMode(null, "READONLY_OVERRIDE", false));
        assertEquals("Subject null is in read-only mode",
                rejected(run(new Command.UpdateConfig(null, CompatibilityLevel.NONE))).message());
        assertEquals(42205, rejected(run(new Command.UpdateConfig("s", CompatibilityLevel.NONE))).errorCode());
        assertInstanceOf(Outcome.ModeDeleted.class, run(new Command.DeleteMode(null)),
                "modes can always be changed");
    }

    @Test
    void configUpdatesMergeFieldByField() {
        run(new Command.UpdateConfig("s", CompatibilityLevel.FULL, true));
        run(new Command.UpdateConfig("s", null, null, true, "other", "major", null, null, null, null));
        assertEquals(Optional.of(new ConfigValue("FULL", true, true, "other", "major", null, null, null, null)),
                index.config("s"));
        run(new Command.UpdateConfig("s", CompatibilityLevel.NONE));
        assertEquals("other", index.config("s").orElseThrow().alias());
        assertEquals("NONE", index.config("s").orElseThrow().compatibilityLevel());
    }

    @Test
    void reservedFields() {
        // checked whatever the level, NONE included
        run(new Command.UpdateConfig("s", CompatibilityLevel.NONE, null, true, null, null, null, null, null, null));
        JsonNode reserved = properties("{\"confluent:reserved\":\"old, legacy\"}");
        assertInstanceOf(Outcome.Registered.class, register("s", record("a"), null, null, reserved));
        Outcome.Rejected conflict = rejected(register("s", record("a", "legacy"), null, null, reserved));
        assertEquals(409, conflict.errorCode());
        assertTrue(conflict.message().contains("The new schema has field that conflicts with the reserved field "
                + "legacy."), conflict.message());
        assertTrue(conflict.message().contains("{validateFields: 'true', compatibility: 'NONE'}"));
        Outcome.Rejected removed = rejected(register("s", record("a", "c"), null, null,
                properties("{\"confluent:reserved\":\"legacy\",\"v\":\"2\"}")));
        assertTrue(removed.message().contains("The new schema has reserved field old removed from its metadata "
                + "which is present in the old schema's metadata."), removed.message());

        // without validateFields the same schema is accepted
        run(new Command.UpdateConfig("s", null, null, false, null, null, null, null, null, null));
        assertInstanceOf(Outcome.Registered.class, register("s", record("a", "legacy"), null, null, reserved));
    }

    @Test
    void compatibilityGroupsSelectVersionsByMetadataProperty() {
        run(new Command.UpdateConfig("s", CompatibilityLevel.BACKWARD, null, null, null, "major", null, null, null,
                null));
        assertInstanceOf(Outcome.Registered.class, register("s", record("a"), null, null,
                properties("{\"major\":\"1\"}")));
        assertEquals(409, rejected(register("s", record("b"), null, null, properties("{\"major\":\"1\"}")))
                .errorCode());
        assertInstanceOf(Outcome.Registered.class, register("s", record("b"), null, null,
                properties("{\"major\":\"2\"}")));
        // without metadata of its own a schema joins the latest version's group
        assertEquals(409, rejected(register("s", record("c"), null, null, null)).errorCode());

        List<String> versions = List.of("1", "2", "1");
        List<String> selected = CompatibilityRules.sameGroup("major", properties("{\"major\":\"1\"}"), versions,
                v -> properties("{\"major\":\"" + v + "\"}"));
        assertEquals(List.of("1", "1"), selected);
        assertEquals(versions, CompatibilityRules.sameGroup(null, null, versions, v -> null));
        assertFalse(CompatibilityRules.sameGroup("major", null, versions, v -> properties("{\"major\":\"1\"}"))
                .iterator().hasNext(), "an absent property is a group of its own");
    }

    @Test
    void aliasesFollowTheSubjectsOwnConfigWithinItsContext() {
        assertEquals("s", SubjectAlias.resolve("s", Optional.empty()));
        assertEquals("t", SubjectAlias.resolve("s", Optional.of(new ConfigValue(null, null, null, "t", null, null,
                null, null, null))));
        assertEquals(":.ctx:t", SubjectAlias.resolve(":.ctx:s", Optional.of(new ConfigValue(null, null, null, "t",
                null, null, null, null, null))));
        assertEquals(":.other:t", SubjectAlias.resolve(":.ctx:s", Optional.of(new ConfigValue(null, null, null,
                ":.other:t", null, null, null, null, null))));
    }
}
