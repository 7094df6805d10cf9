package io.registry.core.subject;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.command.Command;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogValue;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.core.schema.SchemaType;
import io.registry.core.semver.SemanticVersion;
import io.registry.core.semver.SemverRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sequencer decides semantic versions of {@code /api/v1} registrations against its index, in log order. */
class SemverDecisionTest {
    private final RegistryStateMachine machine = new RegistryStateMachine(new SchemaParser(SchemaFormats.standard()));
    private final InMemoryIndex index = new InMemoryIndex();

    private static String object(int properties) {
        StringBuilder s = new StringBuilder("{\"type\":\"object\",\"properties\":{");
        for (int i = 0; i < properties; i++) {
            s.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{\"type\":\"string\"}");
        }
        return s.append("},\"additionalProperties\":false}").toString();
    }

    private static Command register(String subject, String schema, String version) {
        return new Command.RegisterSchema(subject, SchemaType.JSON, schema, List.of(), false, null, null, null, null,
                SemverRequest.of(SemanticVersion.parse(version)));
    }

    private Outcome run(Command command) {
        return Sequenced.run(machine, index, command).outcome();
    }

    /**
     * Registrations decided one after the other, as the sequencer takes concurrent ones: each is judged against the
     * one before, so their semantic versions are distinct and ordered like their versions.
     */
    @Test
    void registrationsInLogOrderGetDistinctOrderedSemvers() {
        List<String> semvers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Outcome.Registered r = assertInstanceOf(Outcome.Registered.class, run(register("s", object(i), null)));
            assertEquals(i, r.version());
            semvers.add(r.semver());
        }
        assertEquals(List.of("1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.4.0"), semvers);
    }

    @Test
    void theDecidedSemverIsRecordedInTheVersionsMetadata() {
        JsonNode metadata = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .set("properties", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                        .put("llm.description", "d"));
        Decision d = machine.decide(new Command.RegisterSchema("s", SchemaType.JSON, object(1), List.of(), false, null,
                null, metadata, null, SemverRequest.next()), index);
        LogValue.SchemaValue value = (LogValue.SchemaValue) d.events().get(0).value();
        assertEquals("1.0.0", value.metadata().at("/properties/llm.semver").asText());
        assertEquals("d", value.metadata().at("/properties/llm.description").asText());
        assertNull(metadata.at("/properties/llm.semver").textValue(), "the command's metadata is not changed");
    }

    @Test
    void aRepeatAnswersTheSemverItGot() {
        run(register("s", object(1), "1.4.0"));
        Outcome.Registered again = assertInstanceOf(Outcome.Registered.class, run(register("s", object(1), null)));
        assertEquals("1.4.0", again.semver());
        assertEquals(false, again.created());
    }

    @Test
    void aRequestedVersionMustBeLaterAndStepFarEnough() {
        run(register("s", object(1), "1.0.0"));
        run(register("s", object(2), "1.1.0"));
        // a second writer asking for the same version loses: the first one's is now the latest
        Outcome.Rejected same = assertInstanceOf(Outcome.Rejected.class, run(register("s", object(3), "1.1.0")));
        assertEquals(ErrorCode.INCOMPATIBLE_SCHEMA, same.error());
        assertTrue(same.message().contains("not later"), same.message());
        Outcome.Rejected tooSmall = assertInstanceOf(Outcome.Rejected.class, run(register("s", object(3), "1.1.1")));
        assertTrue(tooSmall.message().contains("needs a minor step"), tooSmall.message());
        assertEquals("2.0.0", assertInstanceOf(Outcome.Registered.class, run(register("s", object(3), "2.0.0")))
                .semver());
    }

    @Test
    void breakingChangesAreRefusedUnderTheLevelAndMajorUnderNone() {
        run(register("s", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},"
                + "\"additionalProperties\":false}", null));
        String breaking = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}},"
                + "\"additionalProperties\":false}";
        Outcome.Rejected refused = assertInstanceOf(Outcome.Rejected.class, run(register("s", breaking, null)));
        assertTrue(refused.message().contains("would need a major version"), refused.message());
        run(new Command.UpdateConfig("s", CompatibilityLevel.NONE));
        assertEquals("2.0.0", assertInstanceOf(Outcome.Registered.class, run(register("s", breaking, null)))
                .semver());
    }

    @Test
    void anotherSchemaTypeIsAConflict() {
        run(register("s", object(1), null));
        Outcome.Rejected r = assertInstanceOf(Outcome.Rejected.class, run(new Command.RegisterSchema("s",
                SchemaType.AVRO, "\"string\"", List.of(), false, null, null, null, null, SemverRequest.next())));
        assertEquals(ErrorCode.INCOMPATIBLE_SCHEMA, r.error());
        assertTrue(r.message().contains("different schema type"), r.message());
    }

    @Test
    void unknownPolicyOrMalformedVersionIsRefusedNotGuessed() {
        Outcome.Rejected policy = assertInstanceOf(Outcome.Rejected.class, run(new Command.RegisterSchema("s",
                SchemaType.JSON, object(1), List.of(), false, null, null, null, null,
                new SemverRequest(null, "calendar"))));
        assertEquals(ErrorCode.BAD_REQUEST, policy.error());
        Outcome.Rejected version = assertInstanceOf(Outcome.Rejected.class, run(new Command.RegisterSchema("s",
                SchemaType.JSON, object(1), List.of(), false, null, null, null, null,
                new SemverRequest("v1", null))));
        assertEquals(ErrorCode.INVALID_VERSION, version.error());
        assertTrue(index.versions("s").isEmpty());
    }

    /** Confluent registrations carry no semver request and get none; a v1 registration after them starts at 1.x. */
    @Test
    void confluentRegistrationsCountAsOneZeroZero() {
        Outcome.Registered plain = assertInstanceOf(Outcome.Registered.class, run(new Command.RegisterSchema("s",
                SchemaType.JSON, object(1), List.of(), false, null, null, null, null)));
        assertNull(plain.semver());
        assertEquals(Optional.of("1.1.0"), Optional.ofNullable(assertInstanceOf(Outcome.Registered.class,
                run(register("s", object(2), null))).semver()));
    }
}
