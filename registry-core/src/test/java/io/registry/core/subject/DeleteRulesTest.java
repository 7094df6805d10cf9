package io.registry.core.subject;

import io.registry.core.command.Command;
import io.registry.core.command.Outcome;
import io.registry.core.log.LogEvent;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogValue;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeleteRulesTest {
    private static final String V1 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    private static final String V2 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":["
            + "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";
    private static final String REFERRING = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":"
            + "[{\"name\":\"user\",\"type\":\"User\"}]}";

    private final RegistryStateMachine machine = new RegistryStateMachine(new SchemaParser(SchemaFormats.standard()));
    private final InMemoryIndex index = new InMemoryIndex();

    private Decision runDecision(Command command) {
        return Sequenced.run(machine, index, command);
    }

    private Outcome run(Command command) {
        return runDecision(command).outcome();
    }

    private static Command register(String subject, String schema) {
        return new Command.RegisterSchema(subject, SchemaType.AVRO, schema, List.of(), false, null, null, null, null);
    }

    private int rejected(Command command) {
        return assertInstanceOf(Outcome.Rejected.class, run(command)).errorCode();
    }

    @Test
    void subjectSoftThenHard() {
        run(register("s", V1));
        run(register("s", V2));
        assertEquals(40405, rejected(new Command.DeleteSubject("s", true)));
        Decision soft = runDecision(new Command.DeleteSubject("s", false));
        assertEquals(List.of(1, 2), assertInstanceOf(Outcome.SubjectDeleted.class, soft.outcome()).versions());
        assertInstanceOf(LogKey.DeleteSubjectKey.class, soft.events().get(0).key());
        assertEquals(new LogValue.DeleteSubjectValue("s", 2), soft.events().get(0).value());
        assertEquals(40404, rejected(new Command.DeleteSubject("s", false)));
        Decision hard = runDecision(new Command.DeleteSubject("s", true));
        assertEquals(List.of(1, 2), assertInstanceOf(Outcome.SubjectDeleted.class, hard.outcome()).versions());
        assertEquals(2, hard.events().size());
        assertTrue(hard.events().stream().allMatch(LogEvent::tombstone));
        assertTrue(index.versions("s").isEmpty());
        assertEquals(40401, rejected(new Command.DeleteSubject("s", false)));
    }

    @Test
    void softDeleteClearsSubjectConfig() {
        run(register("s", V1));
        run(new Command.UpdateConfig("s", io.registry.core.compat.CompatibilityLevel.NONE));
        Decision soft = runDecision(new Command.DeleteSubject("s", false));
        assertEquals(2, soft.events().size());
        assertEquals(new LogKey.ConfigKey("s"), soft.events().get(1).key());
        assertNull(soft.events().get(1).value());
        assertTrue(index.compatibility("s").isEmpty());
    }

    @Test
    void versionRules() {
        run(register("s", V1));
        run(register("s", V2));
        assertEquals(40402, rejected(new Command.DeleteVersion("s", 7, false)));
        assertEquals(40401, rejected(new Command.DeleteVersion("nope", 1, false)));
        assertEquals(40407, rejected(new Command.DeleteVersion("s", 1, true)));
        Decision soft = runDecision(new Command.DeleteVersion("s", Command.DeleteVersion.LATEST, false));
        assertEquals(2, assertInstanceOf(Outcome.VersionDeleted.class, soft.outcome()).version());
        LogValue.SchemaValue value = assertInstanceOf(LogValue.SchemaValue.class, soft.events().get(0).value());
        assertTrue(value.deleted());
        assertEquals(2, value.id());
        assertEquals(40406, rejected(new Command.DeleteVersion("s", 2, false)));
        assertEquals(40407, rejected(new Command.DeleteVersion("s", Command.DeleteVersion.LATEST, true)),
                "latest is the latest live version, as in Confluent");
        Decision hard = runDecision(new Command.DeleteVersion("s", 2, true));
        assertTrue(hard.events().get(0).tombstone());
        assertEquals(List.of(1), index.versions("s").stream().map(IndexedVersion::version).toList());
        runDecision(new Command.DeleteVersion("s", 1, false));
        assertEquals(40402, rejected(new Command.DeleteVersion("s", Command.DeleteVersion.LATEST, false)));
    }

    @Test
    void referencedVersionCannotBeDeleted() {
        run(register("user", V1));
        run(new Command.RegisterSchema("order", SchemaType.AVRO, REFERRING,
                List.of(new SchemaReference("User", "user", 1)), false, null, null, null, null));
        assertEquals(List.of(2), DeleteRules.referencedBy(index, "user", 1));
        assertEquals(42206, rejected(new Command.DeleteVersion("user", 1, false)));
        assertEquals(42206, rejected(new Command.DeleteSubject("user", false)));
        run(new Command.DeleteSubject("order", false));
        assertTrue(DeleteRules.referencedBy(index, "user", 1).isEmpty());
        assertInstanceOf(Outcome.VersionDeleted.class, run(new Command.DeleteVersion("user", 1, false)));
    }

    @Test
    void readOnlyRefusesDeletes() {
        run(register("s", V1));
        machine.apply(new LogEvent(new LogKey.ModeKey(null), new LogValue.ModeValue("READONLY")), index);
        assertEquals(42205, rejected(new Command.DeleteSubject("s", false)));
    }
}
