package io.registry.core.schema.avro;

import io.registry.core.conformance.ConformanceData;
import io.registry.core.conformance.ConformanceData.Check;
import io.registry.core.schema.ParsedSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Apicurio's Avro compatibility cases, each in both directions. Confluent and Apicurio agree on all of them. */
class ApicurioAvroConformanceTest {
    private static final AvroFormat FORMAT = new AvroFormat();

    static List<Check> cases() {
        return ConformanceData.apicurio("avro-compatibility-test-data.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesApicurio(Check check) {
        ParsedSchema reader = FORMAT.parse(check.reader(), List.of(), List.of(), false);
        ParsedSchema writer = FORMAT.parse(check.writer(), List.of(), List.of(), false);
        List<String> problems = FORMAT.readIncompatibilities(reader, writer);
        assertEquals(check.expectedCompatible(), problems.isEmpty(), () -> check.name() + "\n reader: "
                + check.reader() + "\n writer: " + check.writer() + "\n problems: " + problems);
    }
}
