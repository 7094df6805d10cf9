package io.registry.core.schema.json;

import io.registry.core.conformance.ConformanceData;
import io.registry.core.conformance.ConformanceData.Check;
import io.registry.core.schema.ParsedSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Apicurio's JSON Schema compatibility cases, each in both directions. Where Confluent Schema Registry (whose
 * behaviour we match) answers differently from Apicurio, the case is listed in {@link #CONFLUENT_DIFFERS} with
 * the reason, and the test asserts Confluent's answer instead, so a change of behaviour is still noticed.
 */
class ApicurioJsonConformanceTest {
    private static final JsonSchemaFormat FORMAT = new JsonSchemaFormat();

    /**
     * Case name (Apicurio id + direction) → why Confluent's answer is the opposite of Apicurio's label.
     * All of them are annotation keywords: Confluent's JsonSchemaDiff has no Difference.Type for "format",
     * "contentEncoding" or "contentMediaType" (its StringSchemaDiff compares only minLength, maxLength and
     * pattern), so adding, removing or changing them is compatible in Confluent. JSON Schema agrees from
     * 2019-09 on, where format is an annotation by default and the content keywords never assert; validators
     * of earlier drafts may treat format as optional too.
     */
    static final Map<String, String> CONFLUENT_DIFFERS = Map.of(
            "String: format 1 [forward]", "adding format is compatible in Confluent (format is not compared)",
            "String: format 2 [backward]", "changing format is compatible in Confluent (format is not compared)",
            "String: format 2 [forward]", "changing format is compatible in Confluent (format is not compared)",
            "String: contentEncoding 2 [forward]", "contentEncoding is not compared by Confluent (annotation)",
            "String: contentEncoding 3 [backward]", "contentEncoding is not compared by Confluent (annotation)",
            "String: contentEncoding 3 [forward]", "contentEncoding is not compared by Confluent (annotation)",
            "String: contentMediaType 2 [forward]", "contentMediaType is not compared by Confluent (annotation)",
            "String: contentMediaType 3 [backward]", "contentMediaType is not compared by Confluent (annotation)",
            "String: contentMediaType 3 [forward]", "contentMediaType is not compared by Confluent (annotation)");

    static List<Check> cases() {
        return ConformanceData.apicurio("json-compatibility-test-data.json");
    }

    @Test
    void everyListedDifferenceNamesARealCase() {
        List<String> names = cases().stream().map(Check::name).toList();
        for (String listed : CONFLUENT_DIFFERS.keySet()) {
            assertTrue(names.contains(listed), "no such case: " + listed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesApicurioUnlessConfluentDiffers(Check check) {
        ParsedSchema reader = FORMAT.parse(check.reader(), List.of(), List.of(), false);
        ParsedSchema writer = FORMAT.parse(check.writer(), List.of(), List.of(), false);
        List<String> problems = FORMAT.readIncompatibilities(reader, writer);
        boolean expected = CONFLUENT_DIFFERS.containsKey(check.name()) != check.expectedCompatible();
        assertEquals(expected, problems.isEmpty(), () -> check.name() + "\n reader: " + check.reader()
                + "\n writer: " + check.writer() + "\n problems: " + problems);
    }
}
