package io.registry.launcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * proto2 {@code group} fields (issue 9): Confluent registers them, prints them in its canonical text and leaves
 * them out of its compatibility diff, so a change inside a group is compatible while a change to a plain field
 * next to it is judged as usual.
 */
class ProtobufGroupsContractTest extends ContractBase {
    private static final String V1 = """
            syntax = "proto2";
            package acme.search;

            message Search {
              optional string query = 10;
              optional group Result = 1 {
                required string url = 2;
                optional string title = 3;
              }
              repeated group Item = 4 {
                optional int32 n = 5;
              }
            }
            """;

    private static String protobuf(String text) {
        return "{\"schemaType\":\"PROTOBUF\",\"schema\":" + Client.quoted(text) + "}";
    }

    @Test
    void groupsRegisterReadBackAndAreJudgedAsConfluentJudgesThem() throws Exception {
        String s = subject("proto-groups");
        int id = client.post("/subjects/" + s + "/versions", protobuf(V1)).fields("id").get("id").asInt();

        JsonNode read = client.get("/schemas/ids/" + id).ok();
        assertEquals("PROTOBUF", read.get("schemaType").asText());
        String canonical = read.get("schema").asText();
        assertTrue(canonical.contains("optional group Result = 1 {\n    required string url = 2;"), canonical);
        assertTrue(canonical.contains("repeated group Item = 4 {"), canonical);

        // The same schema, written on one line or as read back, is the same schema.
        String oneLine = V1.replace("\n", " ");
        assertEquals(id, client.post("/subjects/" + s + "/versions", protobuf(oneLine)).ok().get("id").asInt());
        assertEquals(id, client.post("/subjects/" + s + "/versions", protobuf(canonical)).ok().get("id").asInt());
        JsonNode found = client.post("/subjects/" + s, protobuf(oneLine)).ok();
        assertEquals(1, found.get("version").asInt());

        String serialized = client.get("/schemas/ids/" + id + "?format=serialized").ok().get("schema").asText();
        DescriptorProto search = FileDescriptorProto.parseFrom(Base64.getDecoder().decode(serialized))
                .getMessageType(0);
        FieldDescriptorProto result = search.getFieldList().stream()
                .filter(f -> f.getName().equals("result")).findFirst().orElseThrow();
        assertEquals(FieldDescriptorProto.Type.TYPE_GROUP, result.getType());
        assertEquals(".acme.search.Search.Result", result.getTypeName());

        // Confluent's diff does not see groups: a type change inside one is compatible...
        String insideGroup = V1.replace("optional int32 n = 5;", "optional string n = 5;");
        String latest = "/compatibility/subjects/" + s + "/versions/latest";
        assertTrue(client.post(latest, protobuf(insideGroup)).ok().get("is_compatible").asBoolean());
        JsonNode v2 = client.post("/subjects/" + s + "/versions", protobuf(insideGroup)).ok();
        assertTrue(v2.get("id").asInt() != id);

        // ...while the same change to the plain field beside the groups is not.
        String plainField = insideGroup.replace("optional string query = 10;", "optional int64 query = 10;");
        assertFalse(client.post(latest, protobuf(plainField)).ok().get("is_compatible").asBoolean());
        client.post("/subjects/" + s + "/versions", protobuf(plainField)).error(409, 409);

        // Payloads: a group is a nested object under the lowercased group name.
        Client.Reply valid = client.exchange("POST", "/api/v1/validate/" + id,
                "{\"query\":\"q\",\"result\":{\"url\":\"https://example.com\"},\"item\":[{\"n\":1}]}",
                "application/json", "application/json");
        assertEquals(200, valid.status(), valid.raw());
        assertTrue(valid.body().path("valid").asBoolean(), valid.raw());
        Client.Reply invalid = client.exchange("POST", "/api/v1/validate/" + id, "{\"item\":[{\"n\":\"x\"}]}",
                "application/json", "application/json");
        assertFalse(invalid.body().path("valid").asBoolean(), invalid.raw());
    }
}
