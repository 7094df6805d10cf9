package io.registry.launcher;

import io.registry.launcher.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** {@code normalize} as a query parameter and as a config flag, for JSON Schema, Protobuf and Avro. */
class NormalizeApiTest extends FullStackTest {
    private static final String JSON_ONE = "{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"string\"},"
            + "\"a\":{\"type\":\"number\"}}}";
    private static final String JSON_TWO = "{\"properties\":{\"a\":{\"type\":\"number\"},\"b\":{\"type\":\"string\"}},"
            + "\"type\":\"object\"}";
    private static final String PROTO_ONE = "syntax = \"proto3\";\npackage n;\n"
            + "message M { string b = 2; string a = 1; }\n";
    private static final String PROTO_TWO = "syntax = \"proto3\";\npackage n;\n"
            + "message M { string a = 1; string b = 2; }\n";
    private static final String AVRO_ONE = "{\"type\":\"record\",\"name\":\"N\",\"fields\":[{\"name\":\"a\","
            + "\"type\":\"string\"}]}";
    private static final String AVRO_TWO = "{\"fields\":[{\"type\":{\"type\":\"string\"},\"name\":\"a\"}],"
            + "\"name\":\"N\",\"type\":\"record\"}";

    private static int id(Answer a) {
        assertEquals(200, a.status(), a.raw());
        return a.body().get("id").asInt();
    }

    private static Answer register(String subject, String type, String schema, boolean normalize) {
        return http.post("/subjects/" + subject + "/versions" + (normalize ? "?normalize=true" : ""),
                Map.of("schemaType", type, "schema", schema));
    }

    @Test
    void withoutNormalizeReorderedSchemasAreDifferent() {
        String s = subject("plain");
        assertEquals(200, http.put("/config/" + s, Map.of("compatibility", "NONE")).status());
        assertNotEquals(id(register(s, "JSON", JSON_ONE, false)), id(register(s, "JSON", JSON_TWO, false)));
    }

    @Test
    void queryParameter() {
        for (String[] c : new String[][] {{"JSON", JSON_ONE, JSON_TWO}, {"PROTOBUF", PROTO_ONE, PROTO_TWO},
                {"AVRO", AVRO_ONE, AVRO_TWO}}) {
            String s = subject("q-" + c[0].toLowerCase());
            int first = id(register(s, c[0], c[1], true));
            assertEquals(first, id(register(s, c[0], c[2], true)), c[0]);
            Answer lookup = http.post("/subjects/" + s + "?normalize=true", Map.of("schemaType", c[0],
                    "schema", c[2]));
            assertEquals(200, lookup.status(), lookup.raw());
            assertEquals(1, lookup.body().get("version").asInt());
            assertEquals("[1]", http.get("/subjects/" + s + "/versions").body().toString());
        }
    }

    @Test
    void subjectConfigFlag() {
        for (String[] c : new String[][] {{"JSON", JSON_ONE, JSON_TWO}, {"PROTOBUF", PROTO_ONE, PROTO_TWO},
                {"AVRO", AVRO_ONE, AVRO_TWO}}) {
            String s = subject("c-" + c[0].toLowerCase());
            Answer put = http.put("/config/" + s, Map.of("normalize", true));
            assertEquals(200, put.status(), put.raw());
            assertEquals(true, put.body().get("normalize").asBoolean());
            assertFalse(put.body().has("compatibility"), put.raw());
            Answer config = http.get("/config/" + s);
            assertEquals(200, config.status(), config.raw());
            assertEquals(true, config.body().get("normalize").asBoolean(), config.raw());
            int first = id(register(s, c[0], c[1], false));
            assertEquals(first, id(register(s, c[0], c[2], false)), c[0]);
            Answer lookup = http.post("/subjects/" + s, Map.of("schemaType", c[0], "schema", c[2]));
            assertEquals(200, lookup.status(), lookup.raw());
            assertEquals("[1]", http.get("/subjects/" + s + "/versions").body().toString());
        }
    }

    @Test
    void configMergesLevelAndFlag() {
        String s = subject("merge");
        assertEquals(200, http.put("/config/" + s, Map.of("compatibility", "FULL")).status());
        assertEquals(200, http.put("/config/" + s, Map.of("normalize", true)).status());
        Answer config = http.get("/config/" + s);
        assertEquals("FULL", config.body().get("compatibilityLevel").asText(), config.raw());
        assertEquals(true, config.body().get("normalize").asBoolean(), config.raw());
        Answer deleted = http.delete("/config/" + s);
        assertEquals(200, deleted.status(), deleted.raw());
        assertEquals(404, http.get("/config/" + s).status());
        Answer bad = http.put("/config/" + s, Map.of("normalize", "yes"));
        assertEquals(422, bad.status(), bad.raw());
    }
}
