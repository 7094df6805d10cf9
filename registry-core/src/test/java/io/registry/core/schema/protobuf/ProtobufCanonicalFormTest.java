package io.registry.core.schema.protobuf;

import io.registry.core.schema.ResolvedReference;
import io.registry.core.schema.SchemaReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.registry.core.schema.protobuf.TestProtos.ADDRESS;
import static io.registry.core.schema.protobuf.TestProtos.FORMAT;
import static io.registry.core.schema.protobuf.TestProtos.customer;
import static io.registry.core.schema.protobuf.TestProtos.normalized;
import static io.registry.core.schema.protobuf.TestProtos.parse;
import static io.registry.core.schema.protobuf.TestProtos.proto;
import static io.registry.core.schema.protobuf.TestProtos.proto3;
import static io.registry.core.schema.protobuf.TestProtos.reference;
import static io.registry.core.schema.protobuf.TestProtos.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtobufCanonicalFormTest {

    @Test
    void layoutAndCommentsDoNotChangeTheCanonicalTextOrFingerprint() {
        ProtobufParsedSchema tidy = customer("v1");
        ProtobufParsedSchema messy = customer("v1_reformatted");
        assertEquals(tidy.canonical(), messy.canonical());
        assertEquals(tidy.fingerprint(), messy.fingerprint());
        assertEquals(tidy, messy);
    }

    @Test
    void theCanonicalTextIsWiresPrintingWithoutCommentsOrHeader() {
        String canonical = customer("v1").canonical();
        assertTrue(canonical.startsWith("syntax = \"proto3\";\n\npackage acme.customer.v1;\n"), canonical);
        assertFalse(canonical.contains("//"), canonical);
        assertFalse(canonical.contains("/*"), canonical);
        assertTrue(canonical.contains("  acme.common.v1.Address billing_address = 4;\n"), canonical);
        assertTrue(canonical.contains("  oneof contact {\n    string phone = 9;\n"), canonical);
    }

    @Test
    void contentChangesChangeTheFingerprint() {
        assertNotEquals(customer("v1").fingerprint(), customer("v2").fingerprint());
        String a = proto3("message A { int32 a = 1; }");
        assertNotEquals(proto(a).fingerprint(), proto(a.replace("= 1", "= 2")).fingerprint());
        // Declaration order is content: it decides message indexes and field printing.
        String two = proto3("message A { int32 a = 1; } message B { int32 b = 1; }");
        String swapped = proto3("message B { int32 b = 1; } message A { int32 a = 1; }");
        assertNotEquals(proto(two).canonical(), proto(swapped).canonical());
    }

    @Test
    void referencesArePartOfTheIdentity() {
        String text = resource("customer/v1.proto");
        ResolvedReference v2 = reference("common/address.proto", "address", 2, resource("common/address.proto"));
        assertEquals(proto(text, ADDRESS).canonical(), proto(text, v2).canonical());
        assertNotEquals(proto(text, ADDRESS).fingerprint(), proto(text, v2).fingerprint());
    }

    /** Storing the canonical text and parsing it again must give the same schema (and id). */
    @ParameterizedTest
    @ValueSource(strings = {"customer/v1.proto", "customer/v2.proto", "orders/order.proto", "legacy/inventory.proto",
            "annotated.proto", "common/address.proto"})
    void theCanonicalTextIsAFixedPoint(String file) {
        for (boolean normalize : new boolean[] {false, true}) {
            ProtobufParsedSchema once = parse(resource(file), normalize, ADDRESS);
            ProtobufParsedSchema twice = parse(once.canonical(), normalize, ADDRESS);
            assertEquals(once.canonical(), twice.canonical(), file + " normalize=" + normalize);
        }
    }

    @Test
    void normalizeFoldsOrderAndQualification() {
        String one = """
                syntax = "proto3";
                package acme.test;
                import "google/protobuf/timestamp.proto";
                import "common/address.proto";
                option java_package = "com.acme.test";
                option java_multiple_files = true;
                message Shipment {
                  google.protobuf.Timestamp sent_at = 3;
                  string id = 1 [json_name = "ID", deprecated = true];
                  oneof target { Locker locker = 6; acme.common.v1.Address address = 5; }
                  oneof carrier { string name = 2; }
                  reserved 12, 10 to 11, "old";
                  Kind kind = 4;
                  enum Kind { KIND_UNKNOWN = 0; EXPRESS = 2; STANDARD = 1; }
                  message Locker { string code = 1; }
                }
                """;
        String two = """
                syntax = "proto3";
                package acme.test;
                import "common/address.proto";
                import "google/protobuf/timestamp.proto";
                import "common/address.proto";
                option java_multiple_files = true;
                option java_package = "com.acme.test";
                message Shipment {
                  message Locker { string code = 1; }
                  enum Kind { KIND_UNKNOWN = 0; STANDARD = 1; EXPRESS = 2; }
                  reserved "old", 10 to 11;
                  reserved 12;
                  oneof carrier { string name = 2; }
                  string id = 1 [deprecated = true, json_name = "ID"];
                  .acme.test.Shipment.Kind kind = 4;
                  .google.protobuf.Timestamp sent_at = 3;
                  oneof target { .acme.common.v1.Address address = 5; Shipment.Locker locker = 6; }
                }
                """;
        assertNotEquals(proto(one, ADDRESS).canonical(), proto(two, ADDRESS).canonical());
        assertEquals(normalized(one, ADDRESS).canonical(), normalized(two, ADDRESS).canonical());
        assertEquals(normalized(one, ADDRESS).fingerprint(), normalized(two, ADDRESS).fingerprint());
        assertEquals("""
                syntax = "proto3";

                package acme.test;

                import "common/address.proto";
                import "google/protobuf/timestamp.proto";

                option java_multiple_files = true;
                option java_package = "com.acme.test";

                message Shipment {
                  reserved 10 to 11;
                  reserved 12;
                  reserved "old";

                  string id = 1 [
                    deprecated = true,
                    json_name = "ID"
                  ];

                  .google.protobuf.Timestamp sent_at = 3;

                  .acme.test.Shipment.Kind kind = 4;

                  oneof carrier {
                    string name = 2;
                  }

                  oneof target {
                    .acme.common.v1.Address address = 5;
                    .acme.test.Shipment.Locker locker = 6;
                  }

                  message Locker {
                    string code = 1;
                  }

                  enum Kind {
                    KIND_UNKNOWN = 0;
                    STANDARD = 1;
                    EXPRESS = 2;
                  }
                }
                """, normalized(one, ADDRESS).canonical());
    }

    @Test
    void normalizeKeepsMessageOrderBecauseIndexesDependOnIt() {
        String text = proto3("enum E { E0 = 0; } message B { int32 b = 1; } message A { int32 a = 1; }");
        ProtobufParsedSchema n = normalized(text);
        assertTrue(n.canonical().indexOf("message B") < n.canonical().indexOf("message A"), n.canonical());
        assertTrue(n.canonical().indexOf("message A") < n.canonical().indexOf("enum E"), n.canonical());
        assertEquals(List.of(1), n.messageIndexes("acme.test.A"));
    }

    @Test
    void normalizeFoldsSyntheticMapEntriesIntoMaps() {
        String entries = proto3("message A { repeated LabelsEntry labels = 1;"
                + " message LabelsEntry { option map_entry = true; string key = 1; B value = 2; }"
                + " message B { int32 x = 1; } }");
        String map = proto3("message A { map<string, B> labels = 1; message B { int32 x = 1; } }");
        assertEquals(normalized(map).canonical(), normalized(entries).canonical());
        assertTrue(normalized(map).canonical().contains("map<string, .acme.test.A.B> labels = 1;"));
    }

    @Test
    void normalizeSortsAggregateOptionValues() {
        String a = resource("annotated.proto");
        String b = a.replace("{ doc: \"minor units\", tags: [\"FINANCE\"] }", "{ tags: [\"FINANCE\"], doc: \"minor units\" }");
        assertNotEquals(proto(a).canonical(), proto(b).canonical());
        assertEquals(normalized(a).canonical(), normalized(b).canonical());
    }

    @Test
    void normalizeSortsReferencesAndDropsDuplicates() {
        String text = proto3("import \"common/address.proto\"; import \"money.proto\";"
                + " message A { acme.common.v1.Address a = 1; acme.money.Money m = 2; }");
        ResolvedReference money = reference("money.proto", "money", 3,
                "syntax = \"proto3\"; package acme.money; message Money { int64 units = 1; }");
        List<SchemaReference> declared = List.of(money.reference(), ADDRESS.reference(), money.reference());
        List<ResolvedReference> resolved = List.of(money, ADDRESS);
        assertEquals(declared, FORMAT.parse(text, declared, resolved, false).references());
        assertEquals(List.of(ADDRESS.reference(), money.reference()),
                FORMAT.parse(text, declared, resolved, true).references());
        assertTrue(normalized(text, money, ADDRESS).normalized());
    }
}
