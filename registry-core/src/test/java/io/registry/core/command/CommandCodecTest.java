package io.registry.core.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.core.command.Command.RegisterSchema;
import io.registry.core.command.Command.UpdateConfig;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Command> commands() throws Exception {
        JsonNode metadata = JSON.readTree("{\"properties\":{\"owner\":\"team-a\"},\"tags\":{\"a\":[\"PII\"]}}");
        return Stream.of(
                new RegisterSchema("orders-value", SchemaType.AVRO, "\"string\"", List.of(), false, null, null,
                        null, null),
                new RegisterSchema("orders-value", SchemaType.JSON, "{\"type\":\"object\"}",
                        List.of(new SchemaReference("a.json", "a", 2)), true, 100, 3, metadata,
                        JSON.readTree("{\"domainRules\":[]}")),
                new UpdateConfig(null, CompatibilityLevel.FULL_TRANSITIVE),
                new UpdateConfig("orders-value", CompatibilityLevel.NONE),
                new UpdateConfig("orders-value", null, true),
                new Command.DeleteSubject("orders-value", false),
                new Command.DeleteSubject("orders-value", true),
                new Command.DeleteVersion("orders-value", Command.DeleteVersion.LATEST, false),
                new Command.DeleteVersion("orders-value", 3, true),
                new Command.UpdateMode(null, "IMPORT", true),
                new Command.UpdateMode("orders-value", "READONLY", false),
                new Command.DeleteMode("orders-value"),
                new Command.DeleteConfig(null));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void commandEnvelopesRoundTrip(Command command) {
        CommandEnvelope envelope = CommandEnvelope.of("req-1", "alice", 1_700_000_000_000L, command);
        assertEquals(envelope, CommandCodec.decodeCommand(CommandCodec.encode(envelope)));
    }

    static Stream<Outcome> outcomes() {
        return Stream.of(new Outcome.Registered(7, 2, true), new Outcome.Registered(7, 2, false),
                new Outcome.ConfigUpdated("BACKWARD"),
                new Outcome.ConfigUpdated(null, true),
                new Outcome.SubjectDeleted(List.of(1, 2, 3)),
                new Outcome.VersionDeleted(4),
                new Outcome.ModeUpdated("IMPORT"),
                new Outcome.ModeDeleted("READONLY"),
                new Outcome.ConfigDeleted("FULL"),
                Outcome.Rejected.of(ErrorCode.INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible"));
    }

    @ParameterizedTest
    @MethodSource("outcomes")
    void repliesRoundTrip(Outcome outcome) {
        Reply reply = Reply.of("req-1", 42L, outcome);
        assertEquals(reply, CommandCodec.decodeReply(CommandCodec.encode(reply)));
    }

    @Test
    void typeNamesAreTheWireFormat() throws Exception {
        JsonNode register = JSON.readTree(CommandCodec.encode(CommandEnvelope.of("r", "p", 1L,
                new RegisterSchema("s", SchemaType.JSON, "{}", List.of(), false, null, null, null, null))));
        assertEquals("register", register.get("command").get("type").asText());
        assertFalse(register.get("command").has("id"), "nulls are left out");
        JsonNode config = JSON.readTree(CommandCodec.encode(CommandEnvelope.of("r", "p", 1L,
                new UpdateConfig("s", CompatibilityLevel.FULL))));
        assertEquals("config", config.get("command").get("type").asText());
        JsonNode rejected = JSON.readTree(CommandCodec.encode(Reply.of("r", 1L,
                Outcome.Rejected.of(ErrorCode.INVALID_SCHEMA, "bad"))));
        assertEquals("rejected", rejected.get("outcome").get("type").asText());
        assertEquals(42201, rejected.get("outcome").get("errorCode").asInt());
    }

    @Test
    void unknownFieldsAreIgnoredAndMissingOnesDefaulted() {
        String text = "{\"v\":2,\"requestId\":\"r\",\"principal\":\"p\",\"deadlineEpochMs\":5,\"traceId\":\"t\","
                + "\"command\":{\"type\":\"register\",\"subject\":\"s\",\"schema\":\"{}\",\"newOption\":true}}";
        CommandEnvelope envelope = CommandCodec.decodeCommand(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(new RegisterSchema("s", SchemaType.AVRO, "{}", List.of(), false, null, null, null, null),
                envelope.command());
        assertEquals(2, envelope.v());
    }

    @Test
    void semverRequestsAndAnswersRoundTrip() {
        RegisterSchema v1 = new RegisterSchema("s", SchemaType.JSON, "{}", List.of(), false, null, null, null, null,
                io.registry.core.semver.SemverRequest.next());
        CommandEnvelope envelope = CommandEnvelope.of("r", "p", 1L, v1);
        assertEquals(envelope, CommandCodec.decodeCommand(CommandCodec.encode(envelope)));
        Reply reply = Reply.of("r", 3L, new Outcome.Registered(1, 2, true, false, "1.1.0"));
        assertEquals(reply, CommandCodec.decodeReply(CommandCodec.encode(reply)));
    }

    /** A command written before semantic versions travelled in commands (format v1) still decodes: no semver. */
    @Test
    void formatOneCommandsAndRepliesStillDecode() {
        String command = "{\"v\":1,\"requestId\":\"r\",\"principal\":\"p\",\"deadlineEpochMs\":5,\"command\":"
                + "{\"type\":\"register\",\"subject\":\"s\",\"schemaType\":\"JSON\",\"schema\":\"{}\","
                + "\"references\":[],\"normalize\":false,\"metadata\":{\"properties\":{\"llm.semver\":\"1.0.0\"}}}}";
        RegisterSchema decoded = (RegisterSchema) CommandCodec.decodeCommand(command.getBytes(StandardCharsets.UTF_8))
                .command();
        assertEquals(null, decoded.semver());
        assertEquals("1.0.0", decoded.metadata().at("/properties/llm.semver").asText());
        String reply = "{\"v\":1,\"requestId\":\"r\",\"seq\":4,\"outcome\":{\"type\":\"registered\",\"id\":3,"
                + "\"version\":1,\"created\":true}}";
        assertEquals(new Outcome.Registered(3, 1, true),
                CommandCodec.decodeReply(reply.getBytes(StandardCharsets.UTF_8)).outcome());
    }

    /** A later format's fields would be silently dropped: refused instead (the sequencer answers 400). */
    @Test
    void aLaterFormatIsRefused() {
        String text = "{\"v\":" + (CommandEnvelope.VERSION + 1) + ",\"requestId\":\"r\",\"command\":"
                + "{\"type\":\"register\",\"subject\":\"s\",\"schema\":\"{}\"}}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandCodec.decodeCommand(text.getBytes(StandardCharsets.UTF_8)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void garbageIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> CommandCodec.decodeCommand("{\"command\":{\"type\":\"nope\"}}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class,
                () -> CommandCodec.decodeReply("not json".getBytes(StandardCharsets.UTF_8)));
    }
}
