package io.registry.core.schema.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ResolvedReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static io.registry.core.schema.protobuf.TestProtos.ADDRESS;
import static io.registry.core.schema.protobuf.TestProtos.proto;
import static io.registry.core.schema.protobuf.TestProtos.proto2;
import static io.registry.core.schema.protobuf.TestProtos.proto3;
import static io.registry.core.schema.protobuf.TestProtos.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schemas sent as a base64 {@code FileDescriptorProto} (Confluent's Python and JavaScript serializers) are read
 * as the {@code .proto} text they stand for: the same schema as text or as a descriptor has the same canonical
 * form and fingerprint (so the same id).
 */
class DescriptorSchemaTextTest {
    private static final String RICH_PROTO3 = """
            syntax = "proto3";
            package acme.shop.v1;
            import "google/protobuf/timestamp.proto";
            import "google/protobuf/wrappers.proto";
            import "google/protobuf/any.proto";
            option java_package = "com.acme.shop.v1";
            option java_outer_classname = "ShopProto";
            option optimize_for = SPEED;
            option java_multiple_files = true;
            option go_package = "github.com/acme/shop/v1;shopv1";
            option deprecated = false;
            message Order {
              option deprecated = true;
              string id = 1;
              repeated Line lines = 2;
              map<string, Line> lines_by_sku = 3;
              map<int64, Status> status_by_ts = 5;
              google.protobuf.Timestamp placed_at = 6;
              optional string note = 7;
              oneof payment {
                string card_token = 11;
                Voucher voucher = 12 [deprecated = true];
              }
              repeated int32 codes = 13 [packed = false];
              int64 big = 14 [jstype = JS_STRING];
              google.protobuf.StringValue coupon = 15;
              repeated google.protobuf.Any details = 16;
              Line.Kind first_kind = 17;
              bytes blob = 18;
              double ratio = 19;
              message Line {
                string sku = 1;
                uint32 quantity = 2;
                Kind kind = 3;
                message Price { sint64 cents = 1; fixed32 f = 2; sfixed64 s = 3; float w = 4; }
                Price price = 4;
                enum Kind { KIND_UNSPECIFIED = 0; KIND_PHYSICAL = 1; }
              }
              message Voucher { string code = 1; }
              enum Status {
                option allow_alias = true;
                STATUS_UNSPECIFIED = 0;
                STATUS_OPEN = 1;
                STATUS_STARTED = 1 [deprecated = true];
              }
            }
            message Empty {}
            enum Region { REGION_UNSPECIFIED = 0; REGION_EU = 1; }
            service OrderService {
              option deprecated = true;
              rpc Get (Order.Voucher) returns (Order);
              rpc Watch (Order) returns (stream Order.Line) { option deprecated = true; }
              rpc Upload (stream Order.Line) returns (Empty) { option idempotency_level = IDEMPOTENT; }
              rpc Chat (stream Order) returns (stream Order);
            }
            """;

    private static final String RICH_PROTO2 = """
            syntax = "proto2";
            package acme.legacy;
            import public "google/protobuf/timestamp.proto";
            option java_package = "com.acme.legacy";
            option java_generic_services = true;
            message Item {
              required string sku = 1;
              optional int32 count = 2 [default = -3];
              optional string label = 3 [default = "say \\"hi\\"\\n\\ttab \\\\ back"];
              optional double weight = 5 [default = inf];
              optional float ratio = 6 [default = -1.5];
              optional bool active = 7 [default = true];
              optional Color color = 8 [default = GREEN];
              repeated int64 ids = 9 [packed = true];
              optional uint64 big = 10 [default = 18446744073709551615];
              optional google.protobuf.Timestamp at = 11;
              oneof choice {
                string a = 12;
                int32 b = 13;
              }
              extensions 100 to 199, 300, 1000 to max;
              enum Color { RED = 1; GREEN = 2; }
            }
            message Box {
              repeated Item items = 1;
            }
            extend Item {
              optional string audit_note = 100;
              repeated int32 audit_codes = 300;
            }
            """;

    static Stream<String> texts() {
        return Stream.of(RICH_PROTO3, RICH_PROTO2,
                resource("legacy/inventory.proto"),
                proto3("message A { B b = 1; message B { C c = 1; message C { A a = 1; } } }\nmessage D { A.B.C c = 1; }"),
                "syntax = \"proto3\";\nmessage NoPackage { Inner inner = 1; message Inner { int32 x = 1; } }\n",
                proto3("message Tree { repeated Tree children = 1; map<string, Tree> named = 2; }"),
                proto3("enum OnlyAnEnum { ONLY_AN_ENUM_UNSPECIFIED = 0; }"),
                proto3("service Pinger { rpc Ping (Req) returns (Req); }\nmessage Req {}"));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void aDescriptorReadsAsTheTextItWasEncodedFrom(String text) {
        ProtobufParsedSchema asText = proto(text);
        ProtobufParsedSchema asDescriptor = proto(asText.serializedDescriptor());
        assertEquals(asText.canonical(), asDescriptor.canonical());
        assertEquals(asText.fingerprint(), asDescriptor.fingerprint());
        // and the descriptor of the decoded text is the descriptor sent
        assertEquals(asText.serializedDescriptor(), asDescriptor.serializedDescriptor());
    }

    /**
     * What wire's encoder (our {@code format=serialized}) leaves out of the round trips above (reserved numbers and
     * names, json_name, extensions declared inside a message, bytes defaults) and groups, from a descriptor built
     * as protoc builds it.
     */
    @Test
    void whatOnlyProtocPutsInADescriptorIsWritten() {
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("p.proto").setPackage("acme.p")
                .addDependency("google/protobuf/timestamp.proto").addDependency("google/protobuf/empty.proto")
                .addWeakDependency(1)
                .addMessageType(DescriptorProto.newBuilder().setName("Item")
                        .addField(field("raw", 1, Type.TYPE_BYTES).setDefaultValue("\\001\\377a\\\"b")
                                .setJsonName("raw"))
                        .addField(field("camel_case_name", 2, Type.TYPE_STRING).setJsonName("camelCaseName"))
                        .addField(field("renamed", 3, Type.TYPE_STRING).setJsonName("other_name"))
                        .addField(field("result", 4, Type.TYPE_GROUP).setTypeName(".acme.p.Item.Result"))
                        .addField(field("at", 5, Type.TYPE_MESSAGE).setLabel(Label.LABEL_REPEATED)
                                .setTypeName(".acme.p.Item.AtEntry"))
                        .addNestedType(DescriptorProto.newBuilder().setName("Result")
                                .addField(field("url", 6, Type.TYPE_STRING)))
                        .addNestedType(DescriptorProto.newBuilder().setName("AtEntry")
                                .setOptions(com.google.protobuf.DescriptorProtos.MessageOptions.newBuilder()
                                        .setMapEntry(true))
                                .addField(field("key", 1, Type.TYPE_STRING))
                                .addField(field("value", 2, Type.TYPE_MESSAGE)
                                        .setTypeName(".google.protobuf.Timestamp")))
                        .addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(10).setEnd(11))
                        .addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(12).setEnd(20))
                        .addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(1000)
                                .setEnd(536_870_912))
                        .addReservedName("gone").addReservedName("older")
                        .addExtensionRange(DescriptorProto.ExtensionRange.newBuilder().setStart(100).setEnd(200))
                        .addExtension(field("note", 100, Type.TYPE_STRING).setExtendee(".acme.p.Item"))
                        .addEnumType(com.google.protobuf.DescriptorProtos.EnumDescriptorProto.newBuilder()
                                .setName("Kind")
                                .addValue(com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto
                                        .newBuilder().setName("KIND_A").setNumber(0))
                                .addReservedRange(com.google.protobuf.DescriptorProtos.EnumDescriptorProto
                                        .EnumReservedRange.newBuilder().setStart(3).setEnd(3))
                                .addReservedRange(com.google.protobuf.DescriptorProtos.EnumDescriptorProto
                                        .EnumReservedRange.newBuilder().setStart(5).setEnd(Integer.MAX_VALUE))
                                .addReservedName("KIND_OLD")))
                .build();
        assertEquals("""
                syntax = "proto2";
                package acme.p;
                import "google/protobuf/timestamp.proto";
                import weak "google/protobuf/empty.proto";
                message Item {
                  reserved 10, 12 to 19, 1000 to max;
                  reserved "gone", "older";
                  optional bytes raw = 1 [default = "\\001\\377a\\"b"];
                  optional string camel_case_name = 2;
                  optional string renamed = 3 [json_name = "other_name"];
                  optional group Result = 4 {
                    optional string url = 6;
                  }
                  map<string, google.protobuf.Timestamp> at = 5;
                  extensions 100 to 199;
                  enum Kind {
                    reserved 3, 5 to max;
                    reserved "KIND_OLD";
                    KIND_A = 0;
                  }
                  extend Item {
                    optional string note = 100;
                  }
                }
                """, decode(base64(file)));
    }

    @Test
    void importsFromReferencesAndBuiltInFilesKeepTheirQualifiedNames() {
        for (String version : List.of("v1", "v2", "v3")) {
            ProtobufParsedSchema asText = TestProtos.customer(version);
            ProtobufParsedSchema asDescriptor = proto(asText.serializedDescriptor(), ADDRESS);
            assertEquals(asText.canonical(), asDescriptor.canonical(), version);
            assertEquals(asText.fingerprint(), asDescriptor.fingerprint(), version);
        }
    }

    @Test
    void typesOfTheOwnPackageAreWrittenShortestOthersInFull() {
        String text = """
                syntax = "proto3";
                package acme.orders.v1;
                import "common/address.proto";
                message Order {
                  Line line = 1;
                  Order.Line same = 2;
                  acme.common.v1.Address address = 3;
                  message Line { Line next = 1; Order order = 2; }
                }
                message Other { Order.Line line = 1; }
                """;
        String decoded = decode(proto(text, ADDRESS).serializedDescriptor(), ADDRESS);
        assertTrue(decoded.contains("  Line line = 1;\n  Line same = 2;\n  acme.common.v1.Address address = 3;"),
                decoded);
        assertTrue(decoded.contains("message Other {\n  Order.Line line = 1;"), decoded);
    }

    @Test
    void aShadowedNameIsWrittenLongEnoughToMeanTheSameType() {
        // inside Outer, "Inner" would be Outer.Inner: the top-level Inner needs its package
        String text = proto3("message Inner { int32 x = 1; }\n"
                + "message Outer { acme.test.Inner top = 1; Inner own = 2; message Inner { int32 y = 1; } }");
        ProtobufParsedSchema asText = proto(text);
        String decoded = decode(asText.serializedDescriptor());
        assertTrue(decoded.contains("acme.test.Inner top = 1;\n  Inner own = 2;"), decoded);
        assertEquals(asText.canonical(), proto(asText.serializedDescriptor()).canonical());
    }

    @Test
    void theDescriptorsProtocEmbedsInGeneratedCodeAreRead() {
        for (FileDescriptor file : List.of(com.google.protobuf.TimestampProto.getDescriptor(),
                com.google.protobuf.StructProto.getDescriptor(), com.google.protobuf.TypeProto.getDescriptor(),
                com.google.protobuf.ApiProto.getDescriptor(), com.google.protobuf.WrappersProto.getDescriptor())) {
            ProtobufParsedSchema parsed = proto(base64(file.toProto()));
            for (var message : file.getMessageTypes()) {
                assertTrue(parsed.canonical().contains("message " + message.getName() + " {"), parsed.canonical());
            }
        }
        String struct = proto(base64(com.google.protobuf.StructProto.getDescriptor().toProto())).canonical();
        assertTrue(struct.contains("map<string, Value> fields = 1;"), struct);
        assertTrue(struct.contains("oneof kind {"), struct);
    }

    @Test
    void whatAClientBuildsByHandIsRead() {
        // as Confluent's Python client check builds it: proto3, explicit LABEL_OPTIONAL, protoc-style json names
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("user.proto").setPackage("acme")
                .setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder().setName("User")
                        .addField(field("full_name", 1, Type.TYPE_STRING).setJsonName("fullName"))
                        .addField(field("age", 2, Type.TYPE_INT32).setJsonName("years"))
                        .addField(field("tags", 3, Type.TYPE_STRING).setLabel(Label.LABEL_REPEATED))
                        .addField(field("best_friend", 4, Type.TYPE_MESSAGE).setTypeName(".acme.User"))
                        .addField(field("relative", 5, Type.TYPE_MESSAGE).setTypeName("User")))
                .build();
        assertEquals("""
                syntax = "proto3";
                package acme;
                message User {
                  string full_name = 1;
                  int32 age = 2 [json_name = "years"];
                  repeated string tags = 3;
                  User best_friend = 4;
                  User relative = 5;
                }
                """, decode(base64(file)));
        ProtobufParsedSchema parsed = proto(base64(file));
        assertEquals(proto("syntax = \"proto3\";\npackage acme;\nmessage User {\n  string full_name = 1;\n"
                + "  int32 age = 2 [json_name = \"years\"];\n  repeated string tags = 3;\n  User best_friend = 4;\n"
                + "  User relative = 5;\n}\n").fingerprint(), parsed.fingerprint());
    }

    @Test
    void customOptionsAreReadWithTheExtensionsThatDeclareThem() {
        ResolvedReference options = TestProtos.reference("acme/options.proto", "options", 1, """
                syntax = "proto3";
                package acme.opts;
                import "google/protobuf/descriptor.proto";
                extend google.protobuf.FieldOptions {
                  bool sensitive = 50001;
                  Rule rule = 50002;
                }
                extend google.protobuf.MessageOptions {
                  repeated string owners = 50003;
                }
                message Rule { string expr = 1; int32 level = 2; Kind kind = 3; }
                enum Kind { KIND_UNSPECIFIED = 0; KIND_STRICT = 1; }
                """);
        String text = """
                syntax = "proto3";
                package acme.guarded;
                import "acme/options.proto";
                import "confluent/meta.proto";
                import "google/protobuf/descriptor.proto";
                message Card {
                  option (acme.opts.owners) = "payments";
                  option (acme.opts.owners) = "risk";
                  string number = 1 [(acme.opts.sensitive) = true, (local_tag) = "x"];
                  int64 limit = 2 [(acme.opts.rule) = { expr: "limit > 0", level: 2, kind: KIND_STRICT }];
                  string holder = 3 [(confluent.field_meta) = { doc: "name on card", tags: ["PII", "GDPR"] }];
                }
                extend google.protobuf.FieldOptions {
                  string local_tag = 50100;
                }
                """;
        ProtobufParsedSchema asText = proto(text, options);
        String decoded = decode(asText.serializedDescriptor(), options);
        assertTrue(decoded.contains("string number = 1 [(acme.opts.sensitive) = true, (acme.guarded.local_tag) = \"x\"];"),
                decoded);
        assertTrue(decoded.contains("option (acme.opts.owners) = \"payments\";\n  option (acme.opts.owners) = \"risk\";"),
                decoded);
        assertTrue(decoded.contains("(acme.opts.rule) = { expr: \"limit > 0\", level: 2, kind: KIND_STRICT }"), decoded);
        assertTrue(decoded.contains("(confluent.field_meta) = { doc: \"name on card\", tags: [\"PII\", \"GDPR\"] }"),
                decoded);
        ProtobufParsedSchema asDescriptor = proto(asText.serializedDescriptor(), options);
        assertEquals(asText.serializedDescriptor(), asDescriptor.serializedDescriptor());
    }

    @Test
    void aCustomOptionWhoseDeclarationIsUnknownIsDropped() {
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("u.proto").setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder().setName("U")
                        .addField(field("x", 1, Type.TYPE_INT32).setOptions(
                                com.google.protobuf.DescriptorProtos.FieldOptions.newBuilder().setDeprecated(true)
                                        .setUnknownFields(com.google.protobuf.UnknownFieldSet.newBuilder()
                                                .addField(50001, com.google.protobuf.UnknownFieldSet.Field
                                                        .newBuilder().addVarint(1).build()).build()))))
                .build();
        assertEquals("syntax = \"proto3\";\nmessage U {\n  int32 x = 1 [deprecated = true];\n}\n",
                decode(base64(file)));
    }

    @Test
    void proto2WithoutASyntaxStatementIsWrittenWithOne() {
        // protoc leaves the descriptor's syntax empty for proto2 either way
        String legacy = "message Legacy { optional int32 x = 1; }";
        ProtobufParsedSchema asDescriptor = proto(proto(legacy).serializedDescriptor());
        assertEquals(proto("syntax = \"proto2\";\n" + legacy).canonical(), asDescriptor.canonical());
    }

    @Test
    void textIsNeverTakenForADescriptor() {
        // base64-looking strings that are not descriptors fail as text, with the text parser's message
        InvalidSchemaException notBase64 = assertThrows(InvalidSchemaException.class, () -> proto("message {"));
        assertTrue(notBase64.getMessage().contains("Syntax error"), notBase64.getMessage());
        InvalidSchemaException garbage = assertThrows(InvalidSchemaException.class,
                () -> proto(Base64.getEncoder().encodeToString(new byte[]{(byte) 0xff, 0x00, 0x13})));
        assertTrue(garbage.getMessage().contains("Syntax error"), garbage.getMessage());
        assertTrue(DescriptorSchemaText.decode("syntax = \"proto3\";\nmessage A {}", List.of()).isEmpty());
        assertTrue(DescriptorSchemaText.decode("Zm9v", List.of()).isEmpty()); // "foo": not a descriptor
    }

    @Test
    void anEditionsDescriptorIsRefusedAsInvalid() {
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("e.proto").setSyntax("editions")
                .setEdition(com.google.protobuf.DescriptorProtos.Edition.EDITION_2023)
                .addMessageType(DescriptorProto.newBuilder().setName("E")).build();
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> proto(base64(file)));
        assertTrue(e.getMessage().contains("editions"), e.getMessage());
    }

    @Test
    void anUnresolvableTypeOrImportIsStillALinkError() {
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("x.proto").setSyntax("proto3")
                .addDependency("missing.proto")
                .addMessageType(DescriptorProto.newBuilder().setName("X")
                        .addField(field("y", 1, Type.TYPE_MESSAGE).setTypeName(".other.Y")))
                .build();
        assertTrue(decode(base64(file)).contains(".other.Y y = 1;"), decode(base64(file)));
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> proto(base64(file)));
        assertTrue(e.getMessage().contains("missing.proto"), e.getMessage());
    }

    private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
                .setLabel(Label.LABEL_OPTIONAL);
    }

    private static String base64(FileDescriptorProto file) {
        return Base64.getEncoder().encodeToString(file.toByteArray());
    }

    private static String decode(String base64, ResolvedReference... refs) {
        return DescriptorSchemaText.decode(base64, List.of(refs)).orElseThrow();
    }
}
