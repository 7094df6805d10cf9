package io.registry.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.launcher.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static io.registry.launcher.Schemas.fieldWithDefault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Confluent's delete semantics and reference protection, end to end over HTTP. */
class DeleteApiTest extends FullStackTest {
    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void registerTwo(String s) {
        assertEquals(200, http.register(s, avroRecord("R", field("a", "string"))).status());
        assertEquals(200, http.register(s, avroRecord("R", field("a", "string"),
                fieldWithDefault("b", "int", "0"))).status());
    }

    private static void expectError(Answer a, int status, int errorCode) {
        assertEquals(status, a.status(), a.raw());
        assertEquals(errorCode, a.errorCode(), a.raw());
        assertEquals(RegistryHttp.V1, a.header("Content-Type"));
    }

    @Test
    void subjectSoftThenPermanentDelete() {
        String s = subject("del");
        registerTwo(s);
        expectError(http.delete("/subjects/" + s + "?permanent=true"), 404, 40405);

        Answer soft = http.delete("/subjects/" + s);
        assertEquals(200, soft.status(), soft.raw());
        assertEquals(List.of(1, 2), ints(soft.body()));
        assertEquals(RegistryHttp.V1, soft.header("Content-Type"));

        expectError(http.delete("/subjects/" + s), 404, 40404);
        expectError(http.get("/subjects/" + s + "/versions"), 404, 40401);
        assertEquals(List.of(1, 2), ints(http.get("/subjects/" + s + "/versions?deleted=true").body()));
        assertEquals(List.of(-1, -2),
                ints(http.get("/subjects/" + s + "/versions?deleted=true&deletedAsNegative=true").body()));
        assertEquals(200, http.get("/subjects/" + s + "/versions/1?deleted=true").status());
        expectError(http.get("/subjects/" + s + "/versions/1"), 404, 40401);
        assertTrue(!strings(http.get("/subjects").body()).contains(s));
        assertTrue(strings(http.get("/subjects?deleted=true").body()).contains(s));
        assertTrue(strings(http.get("/subjects?deletedOnly=true").body()).contains(s));

        Answer hard = http.delete("/subjects/" + s + "?permanent=true");
        assertEquals(200, hard.status(), hard.raw());
        assertEquals(List.of(1, 2), ints(hard.body()));
        assertTrue(!strings(http.get("/subjects?deleted=true").body()).contains(s));
        expectError(http.get("/subjects/" + s + "/versions?deleted=true"), 404, 40401);
        expectError(http.delete("/subjects/" + s), 404, 40401);
        expectError(http.delete("/subjects/" + s + "?permanent=true"), 404, 40401);
    }

    @Test
    void schemaByIdSurvivesDeletesAndReRegistrationReusesTheId() {
        String s = subject("ids");
        String schema = avroRecord("Keep", field("a", "string"));
        int id = http.register(s, schema).body().get("id").asInt();
        assertEquals(200, http.delete("/subjects/" + s).status());
        assertEquals(200, http.get("/schemas/ids/" + id).status());
        Answer again = http.register(s, schema);
        assertEquals(id, again.body().get("id").asInt());
        assertEquals(List.of(2), ints(http.get("/subjects/" + s + "/versions").body()));
    }

    @Test
    void versionSoftAndPermanentDelete() {
        String s = subject("ver");
        registerTwo(s);
        expectError(http.delete("/subjects/" + s + "/versions/9"), 404, 40402);
        expectError(http.delete("/subjects/" + s + "/versions/abc"), 422, 42202);
        expectError(http.delete("/subjects/nope-" + s + "/versions/1"), 404, 40401);
        expectError(http.delete("/subjects/" + s + "/versions/1?permanent=true"), 404, 40407);

        Answer soft = http.delete("/subjects/" + s + "/versions/latest");
        assertEquals(200, soft.status(), soft.raw());
        assertEquals(2, soft.body().asInt());
        expectError(http.delete("/subjects/" + s + "/versions/2"), 404, 40406);
        assertEquals(List.of(1), ints(http.get("/subjects/" + s + "/versions").body()));
        assertEquals(List.of(2), ints(http.get("/subjects/" + s + "/versions?deletedOnly=true").body()));
        assertEquals(1, http.get("/subjects/" + s + "/versions/latest").body().get("version").asInt());

        Answer hard = http.delete("/subjects/" + s + "/versions/2?permanent=true");
        assertEquals(200, hard.status(), hard.raw());
        assertEquals(2, hard.body().asInt());
        assertEquals(List.of(1), ints(http.get("/subjects/" + s + "/versions?deleted=true").body()));
        expectError(http.get("/subjects/" + s + "/versions/2?deleted=true"), 404, 40402);
    }

    @Test
    void referencedVersionIsProtected() {
        String user = subject("user");
        String order = subject("order");
        String userSchema = avroRecord("User", field("name", "string"));
        int userId = http.register(user, userSchema).body().get("id").asInt();
        String orderSchema = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"u\",\"type\":\"User\"}]}";
        Answer reg = http.post("/subjects/" + order + "/versions", Map.of("schema", orderSchema,
                "references", List.of(Map.of("name", "User", "subject", user, "version", 1))));
        assertEquals(200, reg.status(), reg.raw());
        int orderId = reg.body().get("id").asInt();
        assertTrue(orderId != userId);

        Answer by = http.get("/subjects/" + user + "/versions/1/referencedby");
        assertEquals(200, by.status(), by.raw());
        assertEquals(List.of(orderId), ints(by.body()));
        expectError(http.delete("/subjects/" + user + "/versions/1"), 422, 42206);
        expectError(http.delete("/subjects/" + user), 422, 42206);

        assertEquals(200, http.delete("/subjects/" + order).status());
        assertEquals(List.of(), ints(http.get("/subjects/" + user + "/versions/1/referencedby").body()));
        assertEquals(200, http.delete("/subjects/" + user + "/versions/1").status());
    }

    @Test
    void jsonSchemaAndProtobufReferencesResolve() {
        String address = subject("address");
        String person = subject("person");
        Answer a = http.register(address, "{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"}}}",
                "JSON");
        assertEquals(200, a.status(), a.raw());
        Answer p = http.post("/subjects/" + person + "/versions", Map.of("schemaType", "JSON",
                "schema", "{\"type\":\"object\",\"properties\":{\"home\":{\"$ref\":\"address.json\"}}}",
                "references", List.of(Map.of("name", "address.json", "subject", address, "version", 1))));
        assertEquals(200, p.status(), p.raw());
        expectError(http.delete("/subjects/" + address + "/versions/1"), 422, 42206);

        String common = subject("common");
        String msg = subject("msg");
        Answer c = http.register(common, "syntax = \"proto3\";\npackage common;\nmessage Money { int64 units = 1; }\n",
                "PROTOBUF");
        assertEquals(200, c.status(), c.raw());
        Answer m = http.post("/subjects/" + msg + "/versions", Map.of("schemaType", "PROTOBUF",
                "schema", "syntax = \"proto3\";\npackage shop;\nimport \"common/money.proto\";\n"
                        + "message Price { common.Money amount = 1; }\n",
                "references", List.of(Map.of("name", "common/money.proto", "subject", common, "version", 1))));
        assertEquals(200, m.status(), m.raw());
        assertEquals(List.of(m.body().get("id").asInt()),
                ints(http.get("/subjects/" + common + "/versions/1/referencedby").body()));
        expectError(http.delete("/subjects/" + common), 422, 42206);
    }

    @Test
    void subjectListFilters() {
        String base = subject("pfx");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.register(base + "-" + i, avroRecord("P" + i, field("a", "string"))).status());
        }
        assertEquals(List.of(base + "-0", base + "-1", base + "-2"),
                strings(http.get("/subjects?subjectPrefix=" + base).body()));
        assertEquals(List.of(base + "-1"),
                strings(http.get("/subjects?subjectPrefix=" + base + "&offset=1&limit=1").body()));
        assertEquals(200, http.delete("/subjects/" + base + "-2").status());
        assertEquals(List.of(base + "-0", base + "-1"),
                strings(http.get("/subjects?subjectPrefix=" + base).body()));
        assertEquals(List.of(base + "-2"),
                strings(http.get("/subjects?subjectPrefix=" + base + "&deletedOnly=true").body()));
        assertEquals(3, strings(http.get("/subjects?subjectPrefix=" + base + "&deleted=true").body()).size());
    }
}
