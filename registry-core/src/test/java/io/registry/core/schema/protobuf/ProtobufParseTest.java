package io.registry.core.schema.protobuf;

import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.ReferenceResolver;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.registry.core.schema.protobuf.TestProtos.ADDRESS;
import static io.registry.core.schema.protobuf.TestProtos.FORMAT;
import static io.registry.core.schema.protobuf.TestProtos.proto;
import static io.registry.core.schema.protobuf.TestProtos.proto3;
import static io.registry.core.schema.protobuf.TestProtos.reference;
import static io.registry.core.schema.protobuf.TestProtos.resource;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtobufParseTest {

    @Test
    void parsesRealisticFiles() {
        ProtobufParsedSchema customer = proto(resource("customer/v1.proto"), ADDRESS);
        assertEquals(SchemaType.PROTOBUF, customer.type());
        assertEquals(List.of(ADDRESS.reference()), customer.references());
        assertEquals(Optional.of("acme.customer.v1.Customer"), customer.firstMessageName());

        assertDoesNotThrow(() -> proto(resource("orders/order.proto"), ADDRESS));
        assertDoesNotThrow(() -> proto(resource("legacy/inventory.proto")));
        assertDoesNotThrow(() -> proto(resource("annotated.proto")));
    }

    @Test
    void isRegisteredAsAStandardFormat() {
        assertTrue(SchemaFormats.standard().supported().contains(SchemaType.PROTOBUF));
        assertTrue(SchemaFormats.standard().of(SchemaType.PROTOBUF) instanceof ProtobufFormat);
    }

    /** Each line: the schema, then a fragment of wire's message that must reach the user. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "message A { int32 a = 1 }                                  | Syntax error",
            "message A { Unknown u = 1; }                               | unable to resolve Unknown",
            "message A { int32 a = 1; string b = 1; }                   | multiple fields share tag 1",
            "message A { int32 a = 1; int32 a = 2; }                    | multiple fields share name a",
            "message A { int32 a = 1; } message A { int32 b = 1; }      | already defined",
            "enum E { ONE = 1; }                                        | missing a zero value",
            "message A { reserved 1; int32 a = 1; }                     | tag 1 is reserved",
            "message A { required int32 a = 1; }                        | 'required' label forbidden",
            "message A { int32 a = 1 [(nope) = true]; }                 | unable to resolve option nope",
            "import \"missing.proto\"; message A { int32 a = 1; }       | import \"missing.proto\" cannot be resolved",
            "message A { int32 a = 0; }                                 | tag is out of range",
    })
    void reportsSyntaxAndLinkErrorsWithTheLibrarysMessage(String body, String expected) {
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> proto(proto3(body)));
        assertTrue(e.getMessage().contains(expected.trim()), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid schema: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a proto file", "{\"type\":\"record\"}"})
    void rejectsTextThatIsNoProtoFile(String text) {
        assertThrows(InvalidSchemaException.class, () -> proto(text));
    }

    @Test
    void importsResolveThroughReferencesByTheirName() {
        String text = proto3("import \"common/address.proto\";\n"
                + "message Shipment { acme.common.v1.Address to = 1; }");
        assertDoesNotThrow(() -> proto(text, ADDRESS));
        // Without the reference, or with one registered under another name, the import is unresolved.
        assertThrows(InvalidSchemaException.class, () -> proto(text));
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> proto(text,
                reference("address.proto", "address", 1, resource("common/address.proto"))));
        assertTrue(e.getMessage().contains("common/address.proto"), e.getMessage());
    }

    @Test
    void transitiveReferencesAreAvailableToTheirImporters() {
        String money = "syntax = \"proto3\"; package acme.money; message Money { int64 units = 1; }";
        String price = "syntax = \"proto3\"; package acme.price; import \"money.proto\";"
                + " message Price { acme.money.Money amount = 1; }";
        String product = proto3("import \"price.proto\"; message Product { acme.price.Price price = 1; }");
        assertDoesNotThrow(() -> proto(product, reference("money.proto", "money", 1, money),
                reference("price.proto", "price", 2, price)));
    }

    @Test
    void aBrokenReferenceIsReportedAsInvalid() {
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> proto(
                proto3("import \"bad.proto\"; message A { int32 a = 1; }"),
                reference("bad.proto", "bad", 1, "syntax = \"proto3\"; message {")));
        assertTrue(e.getMessage().contains("bad.proto"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "google/protobuf/any.proto, google.protobuf.Any",
            "google/protobuf/api.proto, google.protobuf.Api",
            "google/protobuf/descriptor.proto, google.protobuf.FileDescriptorProto",
            "google/protobuf/duration.proto, google.protobuf.Duration",
            "google/protobuf/empty.proto, google.protobuf.Empty",
            "google/protobuf/field_mask.proto, google.protobuf.FieldMask",
            "google/protobuf/source_context.proto, google.protobuf.SourceContext",
            "google/protobuf/struct.proto, google.protobuf.Struct",
            "google/protobuf/timestamp.proto, google.protobuf.Timestamp",
            "google/protobuf/type.proto, google.protobuf.Type",
            "google/protobuf/wrappers.proto, google.protobuf.Int64Value",
            "confluent/meta.proto, confluent.Meta",
            "confluent/type/decimal.proto, confluent.type.Decimal",
    })
    void wellKnownImportsNeedNoReference(String path, String type) {
        assertDoesNotThrow(() -> proto(proto3("import \"" + path + "\";\nmessage Holder { " + type + " value = 1; }")));
    }

    @Test
    void aRegisteredReferenceTakesPrecedenceOverABuiltInFile() {
        String ownTimestamp = "syntax = \"proto3\"; package google.protobuf; message Timestamp { string iso = 1; }";
        String text = proto3("import \"google/protobuf/timestamp.proto\";\n"
                + "message Event { google.protobuf.Timestamp at = 1; }");
        ProtobufParsedSchema own = proto(text, reference("google/protobuf/timestamp.proto", "ts", 1, ownTimestamp));
        ProtobufParsedSchema builtIn = proto(text);
        // Same text, but the field now means a different message: compatibility must see the difference.
        assertTrue(ProtobufCompatibility.differences(own, builtIn).stream()
                .anyMatch(d -> d.type() == ProtobufDifferenceType.FIELD_SCALAR_KIND_CHANGED), "expected a change");
    }

    @Test
    void customOptionsNeedTheirDefinitionsImported() {
        String withImport = resource("annotated.proto");
        assertDoesNotThrow(() -> proto(withImport));
        assertThrows(InvalidSchemaException.class,
                () -> proto(withImport.replace("import \"confluent/meta.proto\";", "")));
    }

    /** End to end through the core parser: references resolved transitively by the registry, then linked. */
    @Test
    void schemaParserResolvesProtobufReferencesTransitively() {
        String money = "syntax = \"proto3\"; package acme.money; message Money { int64 units = 1; }";
        String price = "syntax = \"proto3\"; package acme.price; import \"money.proto\";"
                + " message Price { acme.money.Money amount = 1; }";
        Map<String, ReferenceResolver.ReferencedSchema> subjects = Map.of(
                "money", new ReferenceResolver.ReferencedSchema(money, List.of()),
                "price", new ReferenceResolver.ReferencedSchema(price,
                        List.of(new SchemaReference("money.proto", "money", 1))));
        ReferenceResolver resolver = (subject, version) -> Optional.ofNullable(subjects.get(subject));
        SchemaParser parser = new SchemaParser(SchemaFormats.standard());

        ParsedSchema product = parser.parse(SchemaType.PROTOBUF,
                proto3("import \"price.proto\"; message Product { acme.price.Price price = 1; }"),
                List.of(new SchemaReference("price.proto", "price", 1)), false, resolver);
        assertEquals(List.of(new SchemaReference("price.proto", "price", 1)), product.references());
        assertTrue(product instanceof ProtobufParsedSchema);
    }

    @Test
    void readingAnotherFormatsSchemaIsIncompatible() {
        ParsedSchema avro = SchemaFormats.standard().of(SchemaType.AVRO)
                .parse("\"string\"", List.of(), List.of(), false);
        ProtobufParsedSchema proto = proto(proto3("message A { int32 a = 1; }"));
        assertEquals(List.of("Incompatible because of different schema type"),
                FORMAT.readIncompatibilities(proto, avro));
    }
}
