package io.registry.core.schema.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.core.schema.ResolvedReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ENUM_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ENUM_CONST_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ENUM_CONST_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ENUM_CONST_REMOVED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ENUM_REMOVED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_KIND_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_MOVED_TO_EXISTING_ONEOF;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_NAMED_TYPE_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_NAME_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_NUMERIC_LABEL_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_REMOVED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_SCALAR_KIND_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_STRING_OR_BYTES_LABEL_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.MESSAGE_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.MESSAGE_MOVED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.MESSAGE_REMOVED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.MULTIPLE_FIELDS_MOVED_TO_ONEOF;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ONEOF_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ONEOF_FIELD_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ONEOF_FIELD_REMOVED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ONEOF_REMOVED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.PACKAGE_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.REQUIRED_FIELD_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.REQUIRED_FIELD_REMOVED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.SYNTAX_CHANGED;
import static io.registry.core.schema.protobuf.TestProtos.ADDRESS;
import static io.registry.core.schema.protobuf.TestProtos.FORMAT;
import static io.registry.core.schema.protobuf.TestProtos.customer;
import static io.registry.core.schema.protobuf.TestProtos.proto;
import static io.registry.core.schema.protobuf.TestProtos.proto2;
import static io.registry.core.schema.protobuf.TestProtos.proto3;
import static io.registry.core.schema.protobuf.TestProtos.reference;
import static io.registry.core.schema.protobuf.TestProtos.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each of Confluent's Protobuf rules, checked in both directions: "upgrade" is the BACKWARD question (the new
 * schema reads data written with the old one), "downgrade" the FORWARD one (the old schema reads new data).
 */
class ProtobufCompatibilityRulesTest {

    // ---- messages and files ---------------------------------------------------------------------------

    @Test
    void removingAMessageIsIncompatibleAddingOneIsNot() {
        Change change = change(proto3("message A { int32 a = 1; } message B { int32 b = 1; }"),
                proto3("message A { int32 a = 1; }"));
        change.upgrade().hasOnly(MESSAGE_REMOVED, "#/B").incompatible();
        change.downgrade().hasOnly(MESSAGE_ADDED, "#/B").compatible();
    }

    @Test
    void renamingTheFirstMessageIsIncompatibleBothWays() {
        Change change = change(proto3("message User { string name = 1; }"),
                proto3("message Person { string name = 1; }"));
        change.upgrade().has(MESSAGE_REMOVED, "#/User").has(MESSAGE_ADDED, "#/Person").incompatible();
        change.downgrade().has(MESSAGE_REMOVED, "#/Person").has(MESSAGE_ADDED, "#/User").incompatible();
    }

    @Test
    void reorderingMessagesIsCompatible() {
        Change change = change(proto3("message A { int32 a = 1; } message B { int32 b = 1; }"),
                proto3("message B { int32 b = 1; } message A { int32 a = 1; }"));
        change.upgrade().has(MESSAGE_MOVED, "#/A").has(MESSAGE_MOVED, "#/B").compatible();
        change.downgrade().has(MESSAGE_MOVED, "#/A").compatible();
    }

    @Test
    void changingThePackageIsIncompatibleBothWays() {
        Change change = change("syntax = \"proto3\"; package acme.v1; message A { int32 a = 1; }",
                "syntax = \"proto3\"; package acme.v2; message A { int32 a = 1; }");
        change.upgrade().hasOnly(PACKAGE_CHANGED, "#/").incompatible();
        change.downgrade().hasOnly(PACKAGE_CHANGED, "#/").incompatible();
    }

    @Test
    void changingTheSyntaxIsIncompatibleBothWays() {
        Change change = change(proto2("message A { optional int32 a = 1; }"), proto3("message A { int32 a = 1; }"));
        change.upgrade().hasOnly(SYNTAX_CHANGED, "#/").incompatible();
        change.downgrade().hasOnly(SYNTAX_CHANGED, "#/").incompatible();
        // A file without a syntax statement is proto2.
        assertTrue(differences("package acme.test; message A { optional int32 a = 1; }",
                proto2("message A { optional int32 a = 1; }")).isEmpty());
    }

    @Test
    void identicalFilesHaveNoDifferences() {
        assertEquals(List.of(), ProtobufCompatibility.differences(customer("v1"), customer("v1_reformatted")));
    }

    // ---- fields -------------------------------------------------------------------------------------------

    @Test
    void addingOrRemovingAnOptionalFieldIsCompatible() {
        Change change = change(proto3("message A { int32 a = 1; }"), proto3("message A { int32 a = 1; string b = 2; }"));
        change.upgrade().hasOnly(FIELD_ADDED, "#/A/2").compatible();
        change.downgrade().hasOnly(FIELD_REMOVED, "#/A/2").compatible();
    }

    @Test
    void renamingAFieldIsCompatible() {
        Change change = change(proto3("message A { string display_name = 1; }"), proto3("message A { string name = 1; }"));
        change.upgrade().hasOnly(FIELD_NAME_CHANGED, "#/A/1").compatible();
        change.downgrade().hasOnly(FIELD_NAME_CHANGED, "#/A/1").compatible();
    }

    /** On the wire a renumbered field is another field: the old number disappears, a new one appears. */
    @Test
    void renumberingAFieldIsARemovalPlusAnAddition() {
        Change change = change(proto3("message A { string email = 2; }"), proto3("message A { string email = 3; }"));
        change.upgrade().has(FIELD_REMOVED, "#/A/2").has(FIELD_ADDED, "#/A/3").compatible();
        change.downgrade().has(FIELD_REMOVED, "#/A/3").has(FIELD_ADDED, "#/A/2").compatible();
    }

    @Test
    void requiredFieldsCannotComeOrGoInProto2() {
        Change change = change(proto2("message A { required int32 a = 1; }"),
                proto2("message A { required int32 a = 1; required string b = 2; }"));
        change.upgrade().hasOnly(REQUIRED_FIELD_ADDED, "#/A/2").incompatible();
        change.downgrade().hasOnly(REQUIRED_FIELD_REMOVED, "#/A/2").incompatible();

        Change optional = change(proto2("message A { required int32 a = 1; }"),
                proto2("message A { required int32 a = 1; optional string b = 2; }"));
        optional.upgrade().hasOnly(FIELD_ADDED, "#/A/2").compatible();
        optional.downgrade().hasOnly(FIELD_REMOVED, "#/A/2").compatible();
    }

    /** Confluent's scalar groups: within a group the encoding is shared, so either side reads the other. */
    @ParameterizedTest
    @CsvSource({"int32, uint32", "int32, int64", "uint32, uint64", "int64, bool", "int32, Color",
            "sint32, sint64", "fixed32, sfixed32", "fixed64, sfixed64", "string, bytes"})
    void scalarChangesWithinAGroupAreCompatible(String from, String to) {
        Change change = change(scalarField(from), scalarField(to));
        assertTrue(change.upgrade().differences.stream().allMatch(ProtobufDifference::compatible));
        change.upgrade().compatible();
        change.downgrade().compatible();
    }

    @ParameterizedTest
    @CsvSource({"int32, sint32", "int32, fixed32", "int64, fixed64", "sint64, sfixed64", "fixed32, fixed64",
            "float, double", "float, fixed32", "double, int64", "string, int32", "bytes, bool", "Color, string",
            "Color, sint32"})
    void scalarChangesAcrossGroupsAreIncompatible(String from, String to) {
        Change change = change(scalarField(from), scalarField(to));
        change.upgrade().hasOnly(FIELD_SCALAR_KIND_CHANGED, "#/M/1").incompatible();
        change.downgrade().hasOnly(FIELD_SCALAR_KIND_CHANGED, "#/M/1").incompatible();
    }

    @ParameterizedTest
    @CsvSource({"int32, Other", "string, Other", "'map<string, int32>', Other", "'map<string, int32>', int32",
            "Color, Other"})
    void changingBetweenScalarMessageAndMapIsIncompatible(String from, String to) {
        Change change = change(scalarField(from), scalarField(to));
        change.upgrade().hasOnly(FIELD_KIND_CHANGED, "#/M/1").incompatible();
        change.downgrade().hasOnly(FIELD_KIND_CHANGED, "#/M/1").incompatible();
    }

    @Test
    void changingToAnotherMessageTypeIsIncompatible() {
        Change change = change(scalarField("Other"), scalarField("Another"));
        change.upgrade().hasOnly(FIELD_NAMED_TYPE_CHANGED, "#/M/1").incompatible();
        change.downgrade().hasOnly(FIELD_NAMED_TYPE_CHANGED, "#/M/1").incompatible();
    }

    @Test
    void mapKeysAndValuesFollowTheScalarRules() {
        change(scalarField("map<string, int32>"), scalarField("map<string, int64>")).upgrade().compatible();
        change(scalarField("map<string, int32>"), scalarField("map<string, string>")).upgrade()
                .hasOnly(FIELD_SCALAR_KIND_CHANGED, "#/M/1").incompatible();
        change(scalarField("map<int32, string>"), scalarField("map<string, string>")).downgrade()
                .hasOnly(FIELD_SCALAR_KIND_CHANGED, "#/M/1").incompatible();
    }

    @Test
    void aSyntheticMapEntryEqualsAMap() {
        String entries = proto3("message M { repeated LabelsEntry labels = 1;"
                + " message LabelsEntry { option map_entry = true; string key = 1; string value = 2; } }");
        String map = proto3("message M { map<string, string> labels = 1; }");
        change(entries, map).upgrade().compatible();
        change(entries, map).downgrade().compatible();
    }

    @Test
    void repeatedVersusSingularMattersForNumbersOnly() {
        Change numbers = change(proto2("message A { optional int32 a = 1; }"), proto2("message A { repeated int32 a = 1; }"));
        numbers.upgrade().hasOnly(FIELD_NUMERIC_LABEL_CHANGED, "#/A/1").incompatible();
        numbers.downgrade().hasOnly(FIELD_NUMERIC_LABEL_CHANGED, "#/A/1").incompatible();

        Change strings = change(proto2("message A { optional string a = 1; }"), proto2("message A { repeated string a = 1; }"));
        strings.upgrade().hasOnly(FIELD_STRING_OR_BYTES_LABEL_CHANGED, "#/A/1").compatible();
        strings.downgrade().hasOnly(FIELD_STRING_OR_BYTES_LABEL_CHANGED, "#/A/1").compatible();
    }

    @Test
    void changesInsideNestedMessagesAreReportedAtTheirPath() {
        Change change = change(proto3("message A { B b = 1; message B { int32 x = 1; } }"),
                proto3("message A { B b = 1; message B { string x = 1; } }"));
        change.upgrade().hasOnly(FIELD_SCALAR_KIND_CHANGED, "#/A/B/1").incompatible();
    }

    @Test
    void recursiveMessagesTerminate() {
        Change change = change(proto3("message Node { Node next = 1; int32 value = 2; }"),
                proto3("message Node { Node next = 1; string value = 2; }"));
        change.upgrade().hasOnly(FIELD_SCALAR_KIND_CHANGED, "#/Node/2").incompatible();
    }

    // ---- oneofs -------------------------------------------------------------------------------------------

    @Test
    void movingAFieldIntoAnExistingOneofIsIncompatible() {
        Change change = change(proto3("message A { oneof o { int32 a = 1; } int32 b = 2; }"),
                proto3("message A { oneof o { int32 a = 1; int32 b = 2; } }"));
        change.upgrade().has(FIELD_MOVED_TO_EXISTING_ONEOF, "#/A/o").incompatible();
        // Out of the oneof again only relaxes exclusivity.
        change.downgrade().has(FIELD_ADDED, "#/A/2").compatible();
    }

    @Test
    void movingSeveralFieldsIntoANewOneofIsIncompatible() {
        Change change = change(proto3("message A { int32 a = 1; int32 b = 2; }"),
                proto3("message A { oneof o { int32 a = 1; int32 b = 2; } }"));
        change.upgrade().has(MULTIPLE_FIELDS_MOVED_TO_ONEOF, "#/A/o").has(ONEOF_ADDED, "#/A/o").incompatible();
        change.downgrade().has(ONEOF_REMOVED, "#/A/o").compatible();
    }

    @Test
    void movingOneFieldIntoANewOneofIsCompatible() {
        Change change = change(proto3("message A { int32 a = 1; int32 b = 2; }"),
                proto3("message A { int32 a = 1; oneof o { int32 b = 2; } }"));
        change.upgrade().hasOnly(ONEOF_ADDED, "#/A/o").compatible();
        change.downgrade().compatible();
    }

    @Test
    void removingAFieldFromAOneofIsIncompatibleAddingOneIsNot() {
        Change change = change(proto3("message A { oneof o { int32 a = 1; string b = 2; } }"),
                proto3("message A { oneof o { int32 a = 1; } }"));
        change.upgrade().hasOnly(ONEOF_FIELD_REMOVED, "#/A/o/2").incompatible();
        change.downgrade().hasOnly(ONEOF_FIELD_ADDED, "#/A/o/2").compatible();
    }

    @Test
    void aOneofMemberMovedOutOfTheOneofIsNotRemoved() {
        Change change = change(proto3("message A { oneof o { int32 a = 1; string b = 2; } }"),
                proto3("message A { oneof o { int32 a = 1; } string b = 2; }"));
        change.upgrade().has(FIELD_ADDED, "#/A/2").compatible();
    }

    @Test
    void aTypeChangeIsCaughtWhenTheFieldAlsoChangesOneof() {
        Change change = change(proto3("message A { oneof o { int32 a = 1; string b = 2; } }"),
                proto3("message A { oneof o { int32 a = 1; } int64 b = 2; }"));
        change.upgrade().has(FIELD_SCALAR_KIND_CHANGED, "#/A/2").incompatible();
    }

    // ---- enums --------------------------------------------------------------------------------------------

    /** Confluent treats every enum change as compatible: readers keep unknown numbers. */
    @Test
    void enumChangesAreCompatible() {
        Change removed = change(proto3("enum E { E0 = 0; E1 = 1; }"), proto3("enum E { E0 = 0; }"));
        removed.upgrade().hasOnly(ENUM_CONST_REMOVED, "#/E/1").compatible();
        removed.downgrade().hasOnly(ENUM_CONST_ADDED, "#/E/1").compatible();

        change(proto3("enum E { E0 = 0; E1 = 1; }"), proto3("enum E { E0 = 0; ONE = 1; }")).upgrade()
                .hasOnly(ENUM_CONST_CHANGED, "#/E/1").compatible();
        Change whole = change(proto3("enum E { E0 = 0; } message A { int32 a = 1; }"), proto3("message A { int32 a = 1; }"));
        whole.upgrade().hasOnly(ENUM_REMOVED, "#/E").compatible();
        whole.downgrade().hasOnly(ENUM_ADDED, "#/E").compatible();
    }

    // ---- references ---------------------------------------------------------------------------------------

    @Test
    void aReferencedMessageChangedInAnotherVersionIsComparedToo() {
        String text = resource("customer/v1.proto");
        ResolvedReference changedAddress = reference("common/address.proto", "address", 2,
                resource("common/address.proto").replace("string street = 1;", "int64 street = 1;"));
        Change change = new Change(proto(text, ADDRESS), proto(text, changedAddress));
        change.upgrade().has(FIELD_SCALAR_KIND_CHANGED, "#/Address/1")
                .has(FIELD_NAMED_TYPE_CHANGED, "#/Customer/4").incompatible();

        // The same subject version on both sides is the same definition: nothing to compare.
        ResolvedReference sameVersion = reference("common/address.proto", "address", 1,
                resource("common/address.proto").replace("string street = 1;", "int64 street = 1;"));
        new Change(proto(text, ADDRESS), proto(text, sameVersion)).upgrade().compatible();
    }

    @Test
    void realisticEvolutionOfTheCustomerFile() {
        Change v1ToV2 = new Change(customer("v1"), customer("v2"));
        v1ToV2.upgrade().has(FIELD_REMOVED, "#/Customer/5").has(FIELD_NAME_CHANGED, "#/Customer/3")
                .has(FIELD_ADDED, "#/Customer/12").has(ENUM_CONST_ADDED, "#/Customer/Tier/3").compatible();
        v1ToV2.downgrade().compatible();
        new Change(customer("v2"), customer("v3")).upgrade().hasOnly(FIELD_ADDED, "#/Customer/5").compatible();
        new Change(customer("v1"), customer("v3")).upgrade().has(FIELD_SCALAR_KIND_CHANGED, "#/Customer/5")
                .incompatible();
    }

    // ---- the messages the registry reports ----------------------------------------------------------------

    @Test
    void incompatibilitiesAreReportedAsConfluentStyleJson() throws Exception {
        List<String> messages = FORMAT.readIncompatibilities(proto(scalarField("string")), proto(scalarField("int32")));
        assertEquals(1, messages.size(), messages.toString());
        JsonNode message = new ObjectMapper().readTree(messages.get(0));
        assertEquals("FIELD_SCALAR_KIND_CHANGED", message.get("errorType").asText());
        assertEquals("#/M/1", message.get("path").asText());
        assertTrue(message.get("description").asText().contains("int32 -> string"), messages.get(0));
    }

    @Test
    void compatibleDifferencesAreNotReported() {
        assertEquals(List.of(), FORMAT.readIncompatibilities(customer("v2"), customer("v1")));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** A message M whose field 1 has {@code type}, with a message Other, a message Another and an enum Color. */
    private static String scalarField(String type) {
        return proto3("message M { " + type + " f = 1; }"
                + " message Other { int32 x = 1; } message Another { int32 x = 1; }"
                + " enum Color { COLOR_UNSPECIFIED = 0; RED = 1; }");
    }

    private static List<ProtobufDifference> differences(String writer, String reader) {
        return ProtobufCompatibility.differences(proto(reader), proto(writer));
    }

    private static Change change(String before, String after) {
        return new Change(proto(before), proto(after));
    }

    private record Change(ProtobufParsedSchema before, ProtobufParsedSchema after) {
        /** BACKWARD: the new schema reads data written with the old one. */
        Found upgrade() {
            return new Found(ProtobufCompatibility.differences(after, before));
        }

        /** FORWARD: the old schema reads data written with the new one. */
        Found downgrade() {
            return new Found(ProtobufCompatibility.differences(before, after));
        }
    }

    private record Found(List<ProtobufDifference> differences) {
        Found has(ProtobufDifferenceType type, String path) {
            assertTrue(differences.stream().anyMatch(d -> d.type() == type && d.path().equals(path)),
                    "expected " + type + " at " + path + " in " + differences);
            return this;
        }

        Found hasOnly(ProtobufDifferenceType type, String path) {
            assertEquals(1, differences.size(), differences.toString());
            return has(type, path);
        }

        void compatible() {
            assertTrue(differences.stream().allMatch(ProtobufDifference::compatible), differences.toString());
        }

        void incompatible() {
            assertFalse(differences.stream().allMatch(ProtobufDifference::compatible), differences.toString());
        }
    }
}
