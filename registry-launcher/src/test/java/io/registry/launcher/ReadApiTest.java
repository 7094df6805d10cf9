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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /schemas, fetchMaxId, contexts, metadata endpoints, metadata/ruleSet round trip, unknown paths. */
class ReadApiTest extends FullStackTest {
    private static List<String> column(JsonNode array, String name) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(name).asText()));
        return out;
    }

    @Test
    void schemaListFilters() {
        String p = subject("list");
        http.register(p + "-a", avroRecord("A", field("x", "string")));
        http.register(p + "-a", avroRecord("A", field("x", "string"), fieldWithDefault("y", "int", "0")));
        http.register(p + "-b", avroRecord("B", field("x", "string")));
        Answer all = http.get("/schemas?subjectPrefix=" + p);
        assertEquals(200, all.status(), all.raw());
        assertEquals(List.of(p + "-a", p + "-a", p + "-b"), column(all.body(), "subject"));
        assertEquals(List.of("1", "2", "1"), column(all.body(), "version"));
        assertTrue(all.body().get(0).has("schema") && all.body().get(0).has("id"));
        Answer latest = http.get("/schemas?subjectPrefix=" + p + "&latestOnly=true");
        assertEquals(List.of("2", "1"), column(latest.body(), "version"));
        Answer page = http.get("/schemas?subjectPrefix=" + p + "&offset=1&limit=1");
        assertEquals(List.of("2"), column(page.body(), "version"));
        assertEquals(200, http.delete("/subjects/" + p + "-b").status());
        assertEquals(2, http.get("/schemas?subjectPrefix=" + p).body().size());
        assertEquals(3, http.get("/schemas?subjectPrefix=" + p + "&deleted=true").body().size());
    }

    @Test
    void byIdWithMaxId() {
        String s = subject("max");
        int id = http.register(s, avroRecord("Max", field("x", "string"))).body().get("id").asInt();
        Answer a = http.get("/schemas/ids/" + id + "?fetchMaxId=true");
        assertEquals(200, a.status(), a.raw());
        assertTrue(a.body().get("maxId").asInt() >= id, a.raw());
        assertFalse(http.get("/schemas/ids/" + id).body().has("maxId"));
        assertEquals(200, http.get("/schemas/ids/" + id + "?format=default").status());
    }

    @Test
    void contextsAndMetadata() {
        Answer c = http.get("/contexts");
        assertEquals(200, c.status());
        assertEquals(".", c.body().get(0).asText());
        assertEquals(RegistryHttp.V1, c.header("Content-Type"));
        Answer id = http.get("/v1/metadata/id");
        assertEquals(200, id.status());
        assertTrue(id.body().path("scope").path("clusters").has("schema-registry-cluster"), id.raw());
        Answer v = http.get("/v1/metadata/version");
        assertEquals(200, v.status());
        assertTrue(v.body().has("version"), v.raw());
    }

    @Test
    void unknownPathsAnswer404Json() {
        for (String path : List.of("/associations", "/associations/subjects/x", "/nope/at/all")) {
            Answer a = http.get(path);
            assertEquals(404, a.status(), path);
            assertEquals(404, a.errorCode(), a.raw());
            assertEquals(RegistryHttp.V1, a.header("Content-Type"));
        }
    }

    @Test
    void metadataAndRuleSetAreStoredAndReturned() {
        String s = subject("meta");
        Map<String, Object> metadata = Map.of("properties", Map.of("owner", "team-a"));
        Map<String, Object> ruleSet = Map.of("domainRules", List.of(Map.of("name", "r1", "kind", "CONDITION",
                "type", "CEL", "mode", "WRITE", "expr", "true")));
        Answer reg = http.post("/subjects/" + s + "/versions", Map.of(
                "schema", avroRecord("Meta", field("x", "string")), "metadata", metadata, "ruleSet", ruleSet));
        assertEquals(200, reg.status(), reg.raw());
        Answer v = http.get("/subjects/" + s + "/versions/1");
        assertEquals(200, v.status(), v.raw());
        assertEquals("team-a", v.body().path("metadata").path("properties").path("owner").asText(), v.raw());
        assertEquals("r1", v.body().path("ruleSet").path("domainRules").path(0).path("name").asText(), v.raw());
        List<String> keys = new ArrayList<>();
        v.body().fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("subject", "version", "id", "metadata", "ruleSet", "schema"), keys);
        // Soft delete keeps them (the sequencer rewrites the record with deleted=true, metadata included).
        assertEquals(200, http.register(s, avroRecord("Meta", field("x", "string"),
                fieldWithDefault("y", "int", "0"))).status());
        assertEquals(200, http.delete("/subjects/" + s + "/versions/1").status());
        Answer deleted = http.get("/subjects/" + s + "/versions/1?deleted=true");
        assertEquals("team-a", deleted.body().path("metadata").path("properties").path("owner").asText(),
                deleted.raw());
    }
}
