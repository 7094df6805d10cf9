package io.registry.core.schema.json;

import io.registry.core.compat.CompatibilityChecker;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonSchemaFormatTest {
    private static final JsonSchemaFormat FORMAT = new JsonSchemaFormat();

    static ParsedSchema json(String schema, boolean normalize) {
        return FORMAT.parse(schema.replace('\'', '"'), List.of(), List.of(), normalize);
    }

    static ParsedSchema json(String schema) {
        return json(schema, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "not json", "[1,2]", "12", "'text'", "null", "{'type':12}",
            "{'type':'strin'}", "{'type':[]}", "{'type':['string','string']}", "{'type':['string',1]}",
            "{'minLength':-1}", "{'maxItems':1.5}", "{'minimum':'1'}", "{'multipleOf':0}",
            "{'pattern':'('}", "{'patternProperties':{'(':{}}}", "{'required':'a'}", "{'required':[1]}",
            "{'enum':'a'}", "{'allOf':[]}", "{'anyOf':{}}", "{'properties':[]}", "{'properties':{'a':1}}",
            "{'items':1}", "{'not':'x'}", "{'$ref':'#/definitions/missing'}", "{'$ref':5}",
            "{'uniqueItems':'yes'}", "{'dependencies':{'a':[1]}}", "{'a':1,'a':2}", "{} {}",
            "{'definitions':{'x':{'type':'bogus'}}}"})
    void notASchema(String text) {
        assertThrows(InvalidSchemaException.class, () -> json(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", "{}", "{'type':['string','null']}",
            "{'properties':{'type':{'type':'string'}}}",
            "{'$schema':'http://json-schema.org/draft-04/schema#','minimum':1,'exclusiveMinimum':true}",
            "{'$ref':'#/definitions/a','definitions':{'a':{'type':'string'}}}", "{'$ref':'other.json'}",
            "{'x-custom':{'anything':[1,2]}}", "{'enum':[]}", "{'const':null}"})
    void schemas(String text) {
        assertDoesNotThrow(() -> json(text));
    }

    @Test
    void whitespaceDoesNotChangeTheCanonicalFormOrFingerprint() {
        ParsedSchema compact = json("{'type':'object','properties':{'a':{'type':'string'}}}");
        ParsedSchema spaced = json("{ 'type' : 'object',\n  'properties' : { 'a' : { 'type' : 'string' } } }\n");
        assertEquals(compact.canonical(), spaced.canonical());
        assertEquals(compact.fingerprint(), spaced.fingerprint());
        assertEquals(SchemaType.JSON, compact.type());
    }

    @Test
    void normalizeFoldsKeyOrderAtEveryLevel() {
        String one = "{'type':'object','properties':{'b':{'type':'string','minLength':1},'a':{'type':'number'}}}";
        String two = "{'properties':{'a':{'type':'number'},'b':{'minLength':1,'type':'string'}},'type':'object'}";
        assertNotEquals(json(one).canonical(), json(two).canonical());
        assertEquals(json(one, true).canonical(), json(two, true).canonical());
        assertEquals(json(one, true).fingerprint(), json(two, true).fingerprint());
        assertEquals("{\"properties\":{\"a\":{\"type\":\"number\"},\"b\":{\"minLength\":1,\"type\":\"string\"}},"
                + "\"type\":\"object\"}", json(two, true).canonical());
    }

    @Test
    void numbersAreKeptExactly() {
        String text = "{\"const\":3.141592653589793238462643383279,\"maximum\":1e400,\"minimum\":10.0}";
        assertEquals(text.replace("1e400", "1E+400"), FORMAT.parse(text, List.of(), List.of(), false).canonical());
        assertEquals("{\"const\":3.141592653589793238462643383279,\"maximum\":1E+400,\"minimum\":10.0}",
                FORMAT.parse(text, List.of(), List.of(), true).canonical());
    }

    @Test
    void readIncompatibilitiesIsDirectional() {
        ParsedSchema integer = json("{'type':'integer'}");
        ParsedSchema number = json("{'type':'number'}");
        assertEquals(List.of(), FORMAT.readIncompatibilities(number, integer));
        List<String> problems = FORMAT.readIncompatibilities(integer, number);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("\"errorType\":\"TYPE_NARROWED\""), problems.get(0));
        assertTrue(problems.get(0).contains("\"path\":\"#/\""), problems.get(0));
    }

    /**
     * v2 adds a required property with a default to a closed model (compatible: readers fill it in); v3 only
     * drops the default. Against v2 that changes nothing, but v1's data never had the property and v3 can no
     * longer fill it in — and v1, reading v3's data, meets a property its closed model rejects.
     */
    @Test
    void transitiveLevelsCheckEveryPreviousVersion() {
        List<ParsedSchema> history = List.of(
                json("{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':false}"),
                json("{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string','default':'x'}},"
                        + "'required':['b'],'additionalProperties':false}"));
        ParsedSchema v3 = json("{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}},"
                + "'required':['b'],'additionalProperties':false}");

        assertCompatible(CompatibilityLevel.NONE, v3, history);
        assertCompatible(CompatibilityLevel.BACKWARD, v3, history);
        assertIncompatible(CompatibilityLevel.BACKWARD_TRANSITIVE, v3, history);
        assertCompatible(CompatibilityLevel.FORWARD, v3, history);
        assertIncompatible(CompatibilityLevel.FORWARD_TRANSITIVE, v3, history);
        assertCompatible(CompatibilityLevel.FULL, v3, history);
        assertIncompatible(CompatibilityLevel.FULL_TRANSITIVE, v3, history);
    }

    @Test
    void firstVersionIsAlwaysCompatible() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertCompatible(level, json("{'type':'string'}"), List.of());
        }
    }

    static void assertCompatible(CompatibilityLevel level, ParsedSchema proposed, List<ParsedSchema> history) {
        assertEquals(List.of(), CompatibilityChecker.check(FORMAT, level, proposed, history), level.name());
    }

    static void assertIncompatible(CompatibilityLevel level, ParsedSchema proposed, List<ParsedSchema> history) {
        assertFalse(CompatibilityChecker.check(FORMAT, level, proposed, history).isEmpty(), level.name());
    }
}
