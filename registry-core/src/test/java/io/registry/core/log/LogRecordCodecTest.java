package io.registry.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.core.log.LogKey.ClearSubjectKey;
import io.registry.core.log.LogKey.ConfigKey;
import io.registry.core.log.LogKey.DeleteSubjectKey;
import io.registry.core.log.LogKey.ModeKey;
import io.registry.core.log.LogKey.NoopKey;
import io.registry.core.log.LogKey.SchemaKey;
import io.registry.core.log.LogValue.ClearSubjectValue;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.log.LogValue.DeleteSubjectValue;
import io.registry.core.log.LogValue.ModeValue;
import io.registry.core.log.LogValue.NoopValue;
import io.registry.core.log.LogValue.SchemaValue;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code _schemas} record formats, byte for byte where Confluent compatibility depends on it. */
class LogRecordCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String key(LogKey key) {
        return new String(LogRecordCodec.encodeKey(key), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keysAreWrittenExactlyAsConfluentWritesThem() {
        // Compaction compares key bytes, so field order and spelling must match an existing _schemas topic.
        assertEquals("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
                key(new SchemaKey("s", 1)));
        assertEquals("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}", key(new ConfigKey(null)));
        assertEquals("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}", key(new ConfigKey("s")));
        assertEquals("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}", key(new ModeKey(null)));
        assertEquals("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}", key(new DeleteSubjectKey("s")));
        assertEquals("{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\"s\",\"magic\":0}", key(new ClearSubjectKey("s")));
        assertEquals("{\"keytype\":\"NOOP\",\"magic\":0}", key(new NoopKey()));
    }

    static Stream<LogKey> keys() {
        return Stream.of(new SchemaKey("orders-value", 7), new SchemaKey("ünï/cödé", 1), new ConfigKey(null),
                new ConfigKey("s"), new ModeKey(null), new ModeKey("s"), new DeleteSubjectKey("s"),
                new ClearSubjectKey("s"), new NoopKey());
    }

    @ParameterizedTest
    @MethodSource("keys")
    void keysRoundTrip(LogKey key) {
        assertEquals(key, LogRecordCodec.decodeKey(LogRecordCodec.encodeKey(key)));
    }

    @Test
    void keysInAnotherFieldOrderOrWithExtraFieldsStillDecode() {
        assertEquals(new SchemaKey("s", 3), LogRecordCodec.decodeKey(
                bytes("{\"magic\":1,\"version\":3,\"subject\":\"s\",\"keytype\":\"SCHEMA\",\"tenant\":\"x\"}")));
        assertEquals(new ConfigKey(null), LogRecordCodec.decodeKey(bytes("{\"keytype\":\"CONFIG\",\"magic\":0}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{}", "{\"keytype\":\"SOMETHING_NEW\",\"magic\":0}",
            "{\"keytype\":\"SCHEMA\",\"version\":1,\"magic\":1}"})
    void keysWeCannotInterpretAreMalformed(String text) {
        assertThrows(MalformedLogRecordException.class, () -> LogRecordCodec.decodeKey(bytes(text)));
    }

    @Test
    void aClearSubjectWithoutSubjectDecodesAsOneOfEverySubject() {
        // Confluent's global switch to IMPORT mode writes the null subject in the key and the value
        LogEvent event = LogRecordCodec.decode(bytes("{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":null,\"magic\":0}"),
                bytes("{\"subject\":null}"));
        assertEquals(new LogEvent(new ClearSubjectKey(null), new ClearSubjectValue(null)), event);
        assertEquals(new ClearSubjectKey(null),
                LogRecordCodec.decodeKey(bytes("{\"keytype\":\"CLEAR_SUBJECT\",\"magic\":0}")));
        assertEquals("{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":null,\"magic\":0}", key(new ClearSubjectKey(null)));
    }

    static Stream<LogEvent> events() throws Exception {
        JsonNode metadata = JSON.readTree("{\"properties\":{\"owner\":\"team-a\"}}");
        JsonNode ruleSet = JSON.readTree("{\"domainRules\":[{\"name\":\"r\",\"kind\":\"CONDITION\"}]}");
        return Stream.of(
                new LogEvent(new SchemaKey("s", 1), new SchemaValue("s", 1, 42, SchemaType.AVRO,
                        "\"string\"", List.of(), null, null, false)),
                new LogEvent(new SchemaKey("s", 2), new SchemaValue("s", 2, 43, SchemaType.JSON,
                        "{\"type\":\"object\"}", List.of(new SchemaReference("a.json", "a", 3)), metadata,
                        ruleSet, true)),
                new LogEvent(new SchemaKey("s", 3), new SchemaValue("s", 3, 44, SchemaType.PROTOBUF,
                        "syntax = \"proto3\";", List.of(), null, null, false)),
                new LogEvent(new ConfigKey(null), new ConfigValue("FULL_TRANSITIVE")),
                new LogEvent(new ConfigKey("s"), new ConfigValue("NONE")),
                new LogEvent(new ConfigKey("s"), new ConfigValue("FULL", false)),
                new LogEvent(new ConfigKey("s"), new ConfigValue(null, true)),
                new LogEvent(new ModeKey(null), new ModeValue("READONLY")),
                new LogEvent(new DeleteSubjectKey("s"), new DeleteSubjectValue("s", 3)),
                new LogEvent(new ClearSubjectKey("s"), new ClearSubjectValue("s")),
                new LogEvent(new ClearSubjectKey(null), new ClearSubjectValue(null)),
                new LogEvent(new ClearSubjectKey(":.c:"), new ClearSubjectValue(":.c:")),
                new LogEvent(new NoopKey(), new NoopValue()));
    }

    @ParameterizedTest
    @MethodSource("events")
    void valuesRoundTrip(LogEvent event) {
        byte[] key = LogRecordCodec.encodeKey(event.key());
        byte[] value = LogRecordCodec.encodeValue(event.value());
        assertEquals(event, LogRecordCodec.decode(key, value));
    }

    @Test
    void avroSchemaValuesLeaveSchemaTypeOutAsConfluentDoes() throws Exception {
        JsonNode written = JSON.readTree(LogRecordCodec.encodeValue(new SchemaValue("s", 1, 1, SchemaType.AVRO,
                "\"int\"", List.of(), null, null, false)));
        assertFalse(written.has("schemaType"));
        assertFalse(written.has("references"));
        assertEquals("\"int\"", written.get("schema").asText());
        assertEquals(1, written.get("id").asInt());
        assertFalse(written.get("deleted").asBoolean());
    }

    @Test
    void valuesWrittenByConfluentDecodeWithUnknownFieldsIgnored() {
        byte[] key = bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":2,\"magic\":1}");
        byte[] value = bytes("{\"subject\":\"s\",\"version\":2,\"id\":10,\"schemaType\":\"JSON\","
                + "\"references\":[{\"name\":\"a\",\"subject\":\"a\",\"version\":1}],"
                + "\"schema\":\"{}\",\"deleted\":false,\"schemaTags\":[{\"path\":\"x\"}],\"futureField\":1}");
        LogEvent event = LogRecordCodec.decode(key, value);
        assertEquals(new SchemaValue("s", 2, 10, SchemaType.JSON, "{}",
                List.of(new SchemaReference("a", "a", 1)), null, null, false), event.value());

        LogValue config = LogRecordCodec.decodeValue(new ConfigKey(null),
                bytes("{\"compatibilityLevel\":\"BACKWARD\",\"normalize\":true,\"alias\":null}"));
        assertEquals(new ConfigValue("BACKWARD", true), config);
    }

    @Test
    void aNullValueIsATombstone() {
        assertNull(LogRecordCodec.encodeValue(null));
        assertNull(LogRecordCodec.decodeValue(new SchemaKey("s", 1), null));
        LogEvent event = LogRecordCodec.decode(LogRecordCodec.encodeKey(new SchemaKey("s", 1)), null);
        assertTrue(event.tombstone());
        // NOOP is the exception: Confluent writes it with a null value that is not a deletion.
        assertNull(LogRecordCodec.encodeValue(new NoopValue()));
        assertInstanceOf(NoopValue.class, LogRecordCodec.decodeValue(new NoopKey(), null));
    }

    @Test
    void schemaValuesWithoutSchemaAreMalformed() {
        assertThrows(MalformedLogRecordException.class, () -> LogRecordCodec.decodeValue(new SchemaKey("s", 1),
                bytes("{\"subject\":\"s\",\"version\":1,\"id\":1}")));
    }
}
