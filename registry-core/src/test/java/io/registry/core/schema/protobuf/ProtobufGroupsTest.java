package io.registry.core.schema.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ResolvedReference;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_SCALAR_KIND_CHANGED;
import static io.registry.core.schema.protobuf.TestProtos.normalized;
import static io.registry.core.schema.protobuf.TestProtos.parse;
import static io.registry.core.schema.protobuf.TestProtos.proto;
import static io.registry.core.schema.protobuf.TestProtos.proto2;
import static io.registry.core.schema.protobuf.TestProtos.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * proto2 {@code group} fields (issue 9). Confluent parses them with wire, prints them in its canonical text and
 * otherwise ignores them: its descriptors and its compatibility diff never see a group. Here they are also
 * linked (as the nested message and field protoc makes of them), so their contents are checked, payloads with
 * groups validate, and {@code format=serialized} describes them as protoc does.
 */
class ProtobufGroupsTest {
    /** The schema of the Confluent corpus case. */
    static final String SEARCH = """
            syntax = "proto2";
            message M {
              optional group Result = 1 {
                required string url = 2;
                optional string title = 3;
              }
              repeated group Item = 4 {
                optional int32 n = 5;
              }
            }
            """;

    private static final String RICH = proto2("""
            message Search {
              optional string query = 10;
              // the best hit
              optional group Result = 1 { required string url = 2; optional string title = 3; }
              optional int32 page = 11;
              repeated group Item = 4 { optional int32 n = 5; }
              oneof pick { string label = 20; group Choice = 21 { optional bool yes = 1; } }
              message Nested { optional int32 q = 1; }
            }
            message Other { optional Search.Nested nested = 1; }
            """);

    // ---- parsing and canonical text -----------------------------------------------------------------------

    @Test
    void aSchemaWithGroupsParsesAndItsCanonicalTextKeepsThemAsWritten() {
        String canonical = proto(SEARCH).canonical();
        assertEquals("""
                syntax = "proto2";

                message M {
                  optional group Result = 1 {
                    required string url = 2;
                    optional string title = 3;
                  }

                  repeated group Item = 4 {
                    optional int32 n = 5;
                  }
                }
                """, canonical);
    }

    @Test
    void theSameSchemaWrittenTwiceHasOneCanonicalTextAndFingerprint() {
        String compact = "syntax = \"proto2\"; message M { optional group Result = 1 { required string url = 2;"
                + " optional string title = 3; } /* items */ repeated group Item = 4 { optional int32 n = 5; } }";
        assertEquals(proto(SEARCH).canonical(), proto(compact).canonical());
        assertEquals(proto(SEARCH).fingerprint(), proto(compact).fingerprint());
        assertNotEquals(proto(SEARCH).fingerprint(), proto(SEARCH.replace("Item = 4", "Item = 6")).fingerprint());
    }

    @Test
    void theCanonicalTextIsAFixedPoint() {
        for (boolean normalize : new boolean[] {false, true}) {
            ProtobufParsedSchema once = parse(RICH, normalize);
            ProtobufParsedSchema twice = parse(once.canonical(), normalize);
            assertEquals(once.canonical(), twice.canonical(), "normalize=" + normalize);
            assertTrue(once.canonical().contains("optional group Result = 1 {\n    required string url = 2;"),
                    once.canonical());
            assertFalse(once.canonical().contains("best hit"), once.canonical());
        }
    }

    @Test
    void normalizeSortsFieldsAroundGroupsAndLeavesTheGroupsAsWritten() {
        String shuffled = RICH.replace("optional string query = 10;", "")
                .replace("optional int32 page = 11;", "optional int32 page = 11; optional string query = 10;");
        assertEquals(normalized(RICH).canonical(), normalized(shuffled).canonical());
        assertTrue(normalized(RICH).canonical().indexOf("query = 10") < normalized(RICH).canonical().indexOf(
                "page = 11"));
    }

    @Test
    void groupsAreNotMessagesForMessageIndexes() {
        // Confluent's descriptors have no group messages, so Nested stays the first nested message.
        assertEquals(List.of(0, 0), proto(RICH).messageIndexes("acme.test.Search.Nested"));
        assertEquals("acme.test.Search", proto(RICH).firstMessageName().orElseThrow());
    }

    @Test
    void fieldsInsideAGroupAreLinkedLikeAnyOther() {
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
                () -> proto(proto2("message A { optional group G = 1 { optional Missing m = 2; } }")));
        assertTrue(e.getMessage().contains("Missing"), e.getMessage());
    }

    @Test
    void groupsInAReferencedFileLink() {
        ResolvedReference hits = reference("hits.proto", "hits", 1,
                proto2("message Hits { repeated group Hit = 1 { optional string url = 2; } }"));
        ProtobufParsedSchema schema = proto(proto2("import \"hits.proto\"; message Page { optional Hits hits = 1; }"),
                hits);
        assertEquals(List.of(), ProtobufCompatibility.differences(schema, schema));
    }

    // ---- format=serialized ----------------------------------------------------------------------------------

    @Test
    void serializedDescribesGroupsAsProtocDoes() throws Exception {
        FileDescriptorProto file = FileDescriptorProto.parseFrom(
                Base64.getDecoder().decode(proto(RICH).serializedDescriptor()));
        DescriptorProto search = file.getMessageType(0);
        assertEquals(List.of("query", "result", "page", "item", "label", "choice"),
                search.getFieldList().stream().map(FieldDescriptorProto::getName).toList());
        FieldDescriptorProto result = search.getField(1);
        assertEquals(FieldDescriptorProto.Type.TYPE_GROUP, result.getType());
        assertEquals(".acme.test.Search.Result", result.getTypeName());
        assertEquals(1, result.getNumber());
        assertEquals(FieldDescriptorProto.Label.LABEL_OPTIONAL, result.getLabel());
        assertEquals(FieldDescriptorProto.Label.LABEL_REPEATED, search.getField(3).getLabel());
        assertEquals(FieldDescriptorProto.Type.TYPE_GROUP, search.getField(3).getType());
        assertEquals(FieldDescriptorProto.Type.TYPE_GROUP, search.getField(5).getType());
        assertEquals(0, search.getField(5).getOneofIndex());
        // A plain message field stays a message field.
        assertEquals(FieldDescriptorProto.Type.TYPE_MESSAGE, file.getMessageType(1).getField(0).getType());
        // Declared nested messages first, so their positions are Confluent's; the group messages after them.
        assertEquals(List.of("Nested", "Result", "Item", "Choice"),
                search.getNestedTypeList().stream().map(DescriptorProto::getName).toList());
        assertEquals(List.of("url", "title"), search.getNestedType(1).getFieldList().stream()
                .map(FieldDescriptorProto::getName).toList());

        // protobuf-java accepts it as a proto2 file with groups, and group-encoded data round-trips through it.
        FileDescriptor built = FileDescriptor.buildFrom(file, new FileDescriptor[0]);
        Descriptor message = built.findMessageTypeByName("Search");
        FieldDescriptor group = message.findFieldByName("result");
        assertEquals(FieldDescriptor.Type.GROUP, group.getType());
        assertEquals("Result", group.getMessageType().getName());
        FieldDescriptor url = group.getMessageType().findFieldByName("url");
        DynamicMessage hit = DynamicMessage.newBuilder(group.getMessageType()).setField(url, "u").build();
        DynamicMessage search1 = DynamicMessage.newBuilder(message).setField(group, hit).build();
        DynamicMessage parsed = DynamicMessage.parseFrom(message, search1.toByteArray());
        assertEquals("u", ((DynamicMessage) parsed.getField(group)).getField(url));
        assertEquals(0, parsed.getUnknownFields().asMap().size());
    }

    @Test
    void serializedIsUnchangedForFilesWithoutGroups() throws Exception {
        String plain = proto2("message A { optional int32 a = 1; optional B b = 2;"
                + " message B { optional int32 x = 1; } }");
        String serialized = proto(plain).serializedDescriptor();
        assertEquals(new com.squareup.wire.schema.internal.SchemaEncoder(proto(plain).linkedSchema())
                .encode(proto(plain).file()).base64(), serialized);
    }

    // ---- compatibility: Confluent's diff does not see groups --------------------------------------------------

    @Test
    void addingOrRemovingAGroupMakesNoDifference() {
        assertNoDifferenceEitherWay(SEARCH, SEARCH.replace("""
                  repeated group Item = 4 {
                    optional int32 n = 5;
                  }
                """, ""));
    }

    @Test
    void renumberingAGroupMakesNoDifference() {
        assertNoDifferenceEitherWay(SEARCH, SEARCH.replace("Result = 1", "Result = 7"));
    }

    @Test
    void changingTheFieldsInsideAGroupMakesNoDifference() {
        assertNoDifferenceEitherWay(SEARCH, SEARCH.replace("required string url = 2;", "optional int64 url = 2;"
                + " required bytes extra = 9;"));
    }

    @Test
    void replacingAGroupWithAPlainFieldOfItsNumberIsAnAddedField() {
        String plain = SEARCH.replace("""
                  repeated group Item = 4 {
                    optional int32 n = 5;
                  }
                """, "  optional string item = 4;\n");
        List<ProtobufDifference> upgrade = ProtobufCompatibility.differences(proto(plain), proto(SEARCH));
        assertEquals(1, upgrade.size(), upgrade.toString());
        assertEquals(FIELD_ADDED, upgrade.get(0).type());
        assertEquals("#/M/4", upgrade.get(0).path());
    }

    @Test
    void plainFieldsNextToGroupsAreStillJudged() {
        String v2 = RICH.replace("optional int32 page = 11;", "optional string page = 11;");
        List<ProtobufDifference> upgrade = ProtobufCompatibility.differences(proto(v2), proto(RICH));
        assertEquals(1, upgrade.size(), upgrade.toString());
        assertEquals(FIELD_SCALAR_KIND_CHANGED, upgrade.get(0).type());
        assertEquals("#/Search/11", upgrade.get(0).path());
        assertFalse(upgrade.get(0).compatible());
    }

    private static void assertNoDifferenceEitherWay(String before, String after) {
        assertEquals(List.of(), ProtobufCompatibility.differences(proto(after), proto(before)));
        assertEquals(List.of(), ProtobufCompatibility.differences(proto(before), proto(after)));
    }
}
