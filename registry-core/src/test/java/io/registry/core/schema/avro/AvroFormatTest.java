package io.registry.core.schema.avro;

import io.registry.core.compat.CompatibilityChecker;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.ResolvedReference;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AvroFormatTest {
    private static final AvroFormat FORMAT = new AvroFormat();

    static ParsedSchema avro(String schema) {
        return FORMAT.parse(schema.replace('\'', '"'), List.of(), List.of(), false);
    }

    static String record(String fields) {
        return "{'type':'record','name':'R','namespace':'n','fields':[" + fields + "]}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{'type':'nope'}", "{'type':'record','name':'R'}",
            "{'type':'record','name':'R','fields':[{'name':'a','type':'int','default':'x'}]}",
            "{'type':'enum','name':'E','symbols':['A','A']}", "{'type':'record','name':'1R','fields':[]}"})
    void invalidSchemasAreRejected(String text) {
        assertThrows(InvalidSchemaException.class, () -> avro(text));
    }

    /** Confluent validates Avro field defaults of new schemas only: stored or looked-up ones parse as they are. */
    @Test
    void existingSchemasAreParsedWithoutDefaultValidation() {
        String text = record("{'name':'a','type':'int','default':'x'}").replace('\'', '"');
        assertThrows(InvalidSchemaException.class, () -> FORMAT.parse(text, List.of(), List.of(), false));
        ParsedSchema existing = FORMAT.parseExisting(text, List.of(), List.of(), false);
        assertTrue(existing.canonical().contains("\"default\":\"x\""), existing.canonical());
        assertThrows(InvalidSchemaException.class,
                () -> FORMAT.parseExisting("{\"type\":\"nope\"}", List.of(), List.of(), false));
    }

    /** The one type guard: another format's version is reported, never handed to this format's rule. */
    @Test
    void aVersionOfAnotherSchemaTypeIsReportedNotCompared() {
        ParsedSchema json = new io.registry.core.schema.json.JsonSchemaFormat()
                .parse("{\"type\":\"string\"}", List.of(), List.of(), false);
        ParsedSchema proposed = avro(record("{'name':'a','type':'string'}"));
        assertEquals(List.of("Incompatible because of different schema type: AVRO after JSON"),
                CompatibilityChecker.check(FORMAT, CompatibilityLevel.BACKWARD, proposed, List.of(json)));
        assertEquals(List.of(), CompatibilityChecker.check(FORMAT, CompatibilityLevel.NONE, proposed, List.of(json)),
                "NONE compares nothing, as Confluent");
        assertTrue(CompatibilityChecker.typeMismatch(proposed, List.of(json)).isPresent());
        assertTrue(CompatibilityChecker.typeMismatch(proposed, List.of(proposed)).isEmpty());
    }

    @Test
    void whitespaceDoesNotChangeTheCanonicalFormOrFingerprint() {
        ParsedSchema compact = avro(record("{'name':'a','type':'string'}"));
        ParsedSchema spaced = avro("{\n  'type' : 'record',\n  'name' : 'R',\n  'namespace':'n',\n"
                + "  'fields' : [ { 'name' : 'a' , 'type' : 'string' } ]\n}\n");
        assertEquals(compact.canonical(), spaced.canonical());
        assertEquals(compact.fingerprint(), spaced.fingerprint());
        assertEquals(SchemaType.AVRO, compact.type());
    }

    @Test
    void aDifferentDefaultIsADifferentSchema() {
        ParsedSchema one = avro(record("{'name':'a','type':'int','default':1}"));
        ParsedSchema two = avro(record("{'name':'a','type':'int','default':2}"));
        assertNotEquals(one.fingerprint(), two.fingerprint());
    }

    @Test
    void addingAFieldWithADefaultIsBackwardCompatible() {
        ParsedSchema v1 = avro(record("{'name':'a','type':'string'}"));
        ParsedSchema withDefault = avro(record("{'name':'a','type':'string'},{'name':'b','type':'int','default':0}"));
        ParsedSchema withoutDefault = avro(record("{'name':'a','type':'string'},{'name':'b','type':'int'}"));
        assertEquals(List.of(), FORMAT.readIncompatibilities(withDefault, v1));
        List<String> problems = FORMAT.readIncompatibilities(withoutDefault, v1);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("READER_FIELD_MISSING_DEFAULT_VALUE"), problems.get(0));
    }

    @Test
    void referencedNamedTypesCanBeUsed() {
        SchemaReference ref = new SchemaReference("n.Address", "address", 1);
        String address = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"n\",\"fields\":"
                + "[{\"name\":\"zip\",\"type\":\"string\"}]}";
        ParsedSchema schema = FORMAT.parse(record("{'name':'home','type':'n.Address'}").replace('\'', '"'),
                List.of(ref), List.of(new ResolvedReference(ref, address)), false);
        assertEquals(List.of(ref), schema.references());
        assertThrows(InvalidSchemaException.class, () -> avro(record("{'name':'home','type':'n.Address'}")));
    }

    /**
     * Three versions where the newest is compatible with the one before it but not with the first: v3 makes
     * "b" mandatory again (no default), which v2 always wrote but v1 never did.
     */
    @Test
    void transitiveLevelsCheckEveryPreviousVersion() {
        List<ParsedSchema> history = List.of(
                avro(record("{'name':'a','type':'string'}")),
                avro(record("{'name':'a','type':'string'},{'name':'b','type':'int','default':0}")));
        ParsedSchema v3 = avro(record("{'name':'a','type':'string'},{'name':'b','type':'int'}"));

        assertCompatible(CompatibilityLevel.NONE, v3, history);
        assertCompatible(CompatibilityLevel.BACKWARD, v3, history);
        assertIncompatible(CompatibilityLevel.BACKWARD_TRANSITIVE, v3, history);
        assertCompatible(CompatibilityLevel.FORWARD, v3, history);
        assertCompatible(CompatibilityLevel.FORWARD_TRANSITIVE, v3, history);
        assertCompatible(CompatibilityLevel.FULL, v3, history);
        assertIncompatible(CompatibilityLevel.FULL_TRANSITIVE, v3, history);
    }

    /** The mirror image: v3 drops "b", which v2 can default but v1 (reading v3's data) cannot. */
    @Test
    void forwardTransitiveChecksEveryPreviousReader() {
        List<ParsedSchema> history = List.of(
                avro(record("{'name':'a','type':'string'},{'name':'b','type':'int'}")),
                avro(record("{'name':'a','type':'string'},{'name':'b','type':'int','default':0}")));
        ParsedSchema v3 = avro(record("{'name':'a','type':'string'}"));

        assertCompatible(CompatibilityLevel.FORWARD, v3, history);
        assertIncompatible(CompatibilityLevel.FORWARD_TRANSITIVE, v3, history);
        assertCompatible(CompatibilityLevel.BACKWARD_TRANSITIVE, v3, history);
        assertCompatible(CompatibilityLevel.FULL, v3, history);
        assertIncompatible(CompatibilityLevel.FULL_TRANSITIVE, v3, history);
    }

    @Test
    void messagesSayWhichDirectionBroke() {
        ParsedSchema v1 = avro(record("{'name':'a','type':'string'}"));
        ParsedSchema v2 = avro(record("{'name':'a','type':'int'}"));
        List<String> messages = CompatibilityChecker.check(FORMAT, CompatibilityLevel.FULL, v2, List.of(v1));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("BACKWARD: ")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("FORWARD: ")), messages.toString());
    }

    static void assertCompatible(CompatibilityLevel level, ParsedSchema proposed, List<ParsedSchema> history) {
        assertEquals(List.of(), CompatibilityChecker.check(FORMAT, level, proposed, history), level.name());
    }

    static void assertIncompatible(CompatibilityLevel level, ParsedSchema proposed, List<ParsedSchema> history) {
        assertFalse(CompatibilityChecker.check(FORMAT, level, proposed, history).isEmpty(), level.name());
    }
}
