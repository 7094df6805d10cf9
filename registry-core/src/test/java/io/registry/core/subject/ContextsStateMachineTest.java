package io.registry.core.subject;

import io.registry.core.command.Command;
import io.registry.core.command.Outcome;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Schema contexts: independent ids, fingerprints, configs and reference scopes per context. */
class ContextsStateMachineTest {
    private static final String A = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    private static final String B = "{\"type\":\"record\",\"name\":\"B\",\"fields\":[{\"name\":\"b\",\"type\":\"string\"}]}";
    private static final String A_BREAKING = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

    private final RegistryStateMachine machine = new RegistryStateMachine(new SchemaParser(SchemaFormats.standard()));
    private final InMemoryIndex index = new InMemoryIndex();

    private Outcome run(Command command) {
        return Sequenced.run(machine, index, command).outcome();
    }

    private static Command register(String subject, String schema, List<SchemaReference> refs) {
        return new Command.RegisterSchema(subject, SchemaType.AVRO, schema, refs, false, null, null, null, null);
    }

    private Outcome.Registered registered(String subject, String schema) {
        return assertInstanceOf(Outcome.Registered.class, run(register(subject, schema, List.of())));
    }

    @Test
    void eachContextNumbersItsSchemasFromOne() {
        assertEquals(1, registered("s", A).id());
        assertEquals(2, registered("t", B).id());
        assertEquals(1, registered(":.ctx:s", B).id());
        assertEquals(2, registered(":.ctx:t", A).id());
        assertEquals(1, registered(":.other:s", A).id());
        // same content in the same context keeps its id
        assertEquals(2, registered(":.ctx:u", A).id());
        assertEquals(1, registered("u", A).id());
        assertEquals(2, index.maxId("."));
        assertEquals(2, index.maxId(".ctx"));
        assertEquals(B, index.schema(".ctx", 1).orElseThrow().schema());
        assertEquals(A, index.schema(".", 1).orElseThrow().schema());
    }

    @Test
    void compatibilityFallsBackToTheContextConfigNotTheGlobalOne() {
        registered("s", A);
        registered(":.ctx:s", A);
        run(new Command.UpdateConfig(null, CompatibilityLevel.NONE, null));
        // default context follows the global NONE; the named context keeps the default BACKWARD
        registered("s", A_BREAKING);
        assertInstanceOf(Outcome.Rejected.class, run(register(":.ctx:s", A_BREAKING, List.of())));
        run(new Command.UpdateConfig(":.ctx:", CompatibilityLevel.NONE, null));
        assertEquals(2, registered(":.ctx:s", A_BREAKING).version());
    }

    @Test
    void referencesResolveWithinTheReferencingSubjectsContext() {
        registered(":.ctx:address", B);
        String user = "{\"type\":\"record\",\"name\":\"U\",\"fields\":[{\"name\":\"home\",\"type\":\"B\"}]}";
        List<SchemaReference> refs = List.of(new SchemaReference("B", "address", 1));
        // no "address" subject in the default context
        assertInstanceOf(Outcome.Rejected.class, run(register("user", user, refs)));
        Outcome.Registered r = assertInstanceOf(Outcome.Registered.class, run(register(":.ctx:user", user, refs)));
        assertEquals(2, r.id());
        assertEquals(List.of(new Referrer(":.ctx:user", 1, 2)), index.referrers(":.ctx:address", 1));
    }
}
