package io.registry.core.schema;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Confluent's {@code format} renderings ({@code AvroSchema/ProtobufSchema.formattedString}). */
class SchemaFormattingTest {
    private static final SchemaParser PARSER = new SchemaParser(SchemaFormats.standard());
    private static final String ADDRESS = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"n\","
            + "\"fields\":[{\"name\":\"zip\",\"type\":\"string\"}]}";
    private static final String USER = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"n\","
            + "\"fields\":[{\"name\":\"home\",\"type\":\"n.Address\"}]}";
    private static final ReferenceResolver ADDRESS_V1 = (subject, version) ->
            subject.equals("address") ? java.util.Optional.of(new ReferenceResolver.ReferencedSchema(ADDRESS,
                    List.of())) : java.util.Optional.empty();

    private static String format(SchemaType type, ParsedSchema parsed, String format) {
        return PARSER.formats().of(type).formatted(parsed, format);
    }

    @Test
    void avroCanonicalKeepsReferencedTypesAsNamesAndResolvedInlinesThem() {
        ParsedSchema user = PARSER.parse(SchemaType.AVRO, USER,
                List.of(new SchemaReference("n.Address", "address", 1)), false, ADDRESS_V1);
        // Avro prints a name of the enclosing namespace short, as Confluent's canonicalString does
        String canonical = USER.replace("n.Address", "Address");
        assertEquals(canonical, user.canonical());
        assertEquals(canonical, format(SchemaType.AVRO, user, null));
        assertEquals(canonical, format(SchemaType.AVRO, user, "default"));
        assertEquals(canonical, format(SchemaType.AVRO, user, "no-such-format"));
        String resolved = format(SchemaType.AVRO, user, "resolved");
        assertEquals("{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"n\",\"fields\":[{\"name\":\"home\","
                + "\"type\":" + ADDRESS.replace(",\"namespace\":\"n\"", "") + "}]}", resolved);
        // self-contained: parses with no references at all
        PARSER.parse(SchemaType.AVRO, resolved, List.of(), false, (s, v) -> java.util.Optional.empty());
        assertEquals(resolved, format(SchemaType.AVRO, user, "RESOLVED"));
    }

    @Test
    void protobufSerializedIsABase64FileDescriptorProto() throws Exception {
        String proto = "syntax = \"proto3\";\npackage acme;\nimport \"google/protobuf/timestamp.proto\";\n"
                + "message Order {\n  string id = 1;\n  google.protobuf.Timestamp at = 2;\n  repeated Line lines = 3;\n"
                + "  message Line { int32 qty = 1; }\n}\nenum Kind { A = 0; B = 1; }\n";
        ParsedSchema parsed = PARSER.parse(SchemaType.PROTOBUF, proto, List.of(), false,
                (s, v) -> java.util.Optional.empty());
        String serialized = format(SchemaType.PROTOBUF, parsed, "serialized");
        FileDescriptorProto file = FileDescriptorProto.parseFrom(Base64.getDecoder().decode(serialized));
        assertEquals("acme", file.getPackage());
        assertEquals("proto3", file.getSyntax());
        assertEquals(List.of("google/protobuf/timestamp.proto"), file.getDependencyList());
        assertEquals("Order", file.getMessageType(0).getName());
        assertEquals(List.of("id", "at", "lines"), file.getMessageType(0).getFieldList().stream()
                .map(f -> f.getName()).toList());
        assertEquals(".google.protobuf.Timestamp", file.getMessageType(0).getField(1).getTypeName());
        assertEquals("Line", file.getMessageType(0).getNestedType(0).getName());
        assertEquals("Kind", file.getEnumType(0).getName());
        assertEquals(parsed.canonical(), format(SchemaType.PROTOBUF, parsed, "bogus"));
    }

    @Test
    void protobufIgnoreExtensionsDropsExtendBlocksAndCustomOptions() {
        String proto = "syntax = \"proto2\";\npackage acme;\nimport \"google/protobuf/descriptor.proto\";\n"
                + "extend google.protobuf.FieldOptions { optional string label = 50001; }\n"
                + "message Order {\n  option deprecated = true;\n  optional string id = 1 [(label) = \"x\", deprecated = true];\n"
                + "  extensions 100 to 200;\n}\n";
        ParsedSchema parsed = PARSER.parse(SchemaType.PROTOBUF, proto, List.of(), false,
                (s, v) -> java.util.Optional.empty());
        assertTrue(parsed.canonical().contains("extend google.protobuf.FieldOptions"));
        assertTrue(parsed.canonical().contains("(label)"));
        String ignored = format(SchemaType.PROTOBUF, parsed, "ignore_extensions");
        assertFalse(ignored.contains("extend google.protobuf.FieldOptions"), ignored);
        assertFalse(ignored.contains("(label)"), ignored);
        assertTrue(ignored.contains("deprecated = true"), ignored);
        assertTrue(ignored.contains("message Order"), ignored);
    }

    @Test
    void jsonSchemaHasNoSpecialFormats() {
        ParsedSchema parsed = PARSER.parse(SchemaType.JSON, "{\"type\":\"string\"}", List.of(), false,
                (s, v) -> java.util.Optional.empty());
        assertEquals(parsed.canonical(), format(SchemaType.JSON, parsed, "resolved"));
        assertEquals(parsed.canonical(), format(SchemaType.JSON, parsed, "serialized"));
    }
}
