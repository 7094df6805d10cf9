package io.registry.core.semver;

import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemverPolicyTest {
    private static final SchemaFormats FORMATS = SchemaFormats.standard();
    private static final SchemaParser PARSER = new SchemaParser(FORMATS);

    static ParsedSchema json(String text) {
        return PARSER.parse(SchemaType.JSON, text, List.of(), false, (s, v) -> Optional.empty());
    }

    static ParsedSchema avro(String text) {
        return PARSER.parse(SchemaType.AVRO, text, List.of(), false, (s, v) -> Optional.empty());
    }

    static final String V1 = "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"a\":{\"type\":\"string\"}}}";

    static ChangeAssessment assess(CompatibilityLevel level, ParsedSchema old, ParsedSchema proposed) {
        return SemverPolicy.assess(FORMATS.of(proposed.type()), level, proposed, List.of(old),
                SemanticVersion.parse("1.2.3"));
    }

    @Test
    void firstVersionIsOneZeroZero() {
        ChangeAssessment a = SemverPolicy.assess(FORMATS.of(SchemaType.JSON), CompatibilityLevel.BACKWARD, json(V1),
                List.of(), Optional.empty());
        assertTrue(a.compatible());
        assertTrue(a.bump().isEmpty());
        assertEquals("1.0.0", a.next().toString());
    }

    @Test
    void descriptionOnlyIsPatch() {
        ChangeAssessment a = assess(CompatibilityLevel.BACKWARD, json(V1), json(
                "{\"type\":\"object\",\"additionalProperties\":false,\"description\":\"doc\",\"properties\":{\"a\":{\"type\":\"string\",\"title\":\"A\"}}}"));
        assertEquals(Optional.of(Bump.PATCH), a.bump());
        assertEquals("1.2.4", a.next().toString());
    }

    @Test
    void propertyNamedDescriptionIsStructural() {
        ChangeAssessment a = assess(CompatibilityLevel.BACKWARD, json(V1), json(
                "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"a\":{\"type\":\"string\"},\"description\":{\"type\":\"string\"}}}"));
        assertEquals(Optional.of(Bump.MINOR), a.bump());
        assertEquals("1.3.0", a.next().toString());
    }

    @Test
    void breakingUnderLevelIsMajorAndIncompatible() {
        ChangeAssessment a = assess(CompatibilityLevel.BACKWARD, json(V1), json(
                "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"a\":{\"type\":\"integer\"}}}"));
        assertEquals(Optional.of(Bump.MAJOR), a.bump());
        assertFalse(a.compatible());
        assertFalse(a.messages().isEmpty());
        assertEquals("2.0.0", a.next().toString());
    }

    @Test
    void underNoneBreakingIsStillMajorButAccepted() {
        ChangeAssessment a = assess(CompatibilityLevel.NONE, json(V1), json(
                "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"a\":{\"type\":\"integer\"}}}"));
        assertTrue(a.compatible());
        assertEquals(Optional.of(Bump.MAJOR), a.bump());
    }

    @Test
    void avroDocIsPatchFieldWithDefaultIsMinorFieldWithoutDefaultIsMajor() {
        ParsedSchema v1 = avro("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
        assertEquals(Optional.of(Bump.PATCH), assess(CompatibilityLevel.BACKWARD, v1, avro(
                "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"x\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}")).bump());
        assertEquals(Optional.of(Bump.MINOR), assess(CompatibilityLevel.BACKWARD, v1, avro(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
                        + "{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}")).bump());
        assertEquals(Optional.of(Bump.MAJOR), assess(CompatibilityLevel.BACKWARD, v1, avro(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
                        + "{\"name\":\"b\",\"type\":\"int\"}]}")).bump());
    }

    @Test
    void requestedVersionMustBumpEnough() {
        ChangeAssessment major = assess(CompatibilityLevel.NONE, json(V1), json(
                "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"a\":{\"type\":\"integer\"}}}"));
        assertTrue(SemverPolicy.checkRequested(major, SemanticVersion.parse("1.3.0").orElseThrow()).isPresent());
        assertTrue(SemverPolicy.checkRequested(major, SemanticVersion.parse("2.0.0").orElseThrow()).isEmpty());
        assertTrue(SemverPolicy.checkRequested(major, SemanticVersion.parse("3.1.0").orElseThrow()).isEmpty());
        ChangeAssessment minor = assess(CompatibilityLevel.BACKWARD, json(V1), json(
                "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}}}"));
        assertTrue(SemverPolicy.checkRequested(minor, SemanticVersion.parse("1.2.4").orElseThrow()).isPresent());
        assertTrue(SemverPolicy.checkRequested(minor, SemanticVersion.parse("1.2.3").orElseThrow()).isPresent());
        assertTrue(SemverPolicy.checkRequested(minor, SemanticVersion.parse("1.3.0").orElseThrow()).isEmpty());
    }

    @Test
    void parsesOnlyCoreSemver() {
        assertEquals("10.0.1", SemanticVersion.parse("10.0.1").orElseThrow().toString());
        assertTrue(SemanticVersion.parse("1.0").isEmpty());
        assertTrue(SemanticVersion.parse("01.0.0").isEmpty());
        assertTrue(SemanticVersion.parse("1.0.0-beta").isEmpty());
    }
}
