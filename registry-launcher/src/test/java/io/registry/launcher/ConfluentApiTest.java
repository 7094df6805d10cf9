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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Confluent routes of the spine, end to end: HTTP → command → sequencer → log → projections → HTTP. */
class ConfluentApiTest extends FullStackTest {
    private static String v1(String name) {
        return avroRecord(name, field("a", "string"));
    }

    private static String v2Compatible(String name) {
        return avroRecord(name, field("a", "string"), fieldWithDefault("b", "int", "0"));
    }

    private static String v2Incompatible(String name) {
        return avroRecord(name, field("a", "string"), field("b", "int"));
    }

    @Test
    void rootAndTypes() {
        Answer root = http.get("/");
        assertEquals(200, root.status());
        assertTrue(root.body().isObject());
        Answer types = http.get("/schemas/types");
        assertEquals(200, types.status());
        List<String> names = new ArrayList<>();
        types.body().forEach(n -> names.add(n.asText()));
        assertTrue(names.containsAll(List.of("AVRO", "JSON")), names.toString());
        assertEquals(RegistryHttp.V1, types.header("Content-Type"));
    }

    @Test
    void registerAndReadBackThroughEveryRoute() {
        String s = subject("subject");
        String schema = v1("Every");
        Answer reg = http.register(s, schema);
        assertEquals(200, reg.status(), reg.raw());
        int id = reg.body().get("id").asInt();
        assertTrue(id > 0);
        assertNotNull(reg.header("X-Registry-Seq"));

        Answer byId = http.get("/schemas/ids/" + id);
        assertEquals(200, byId.status(), byId.raw());
        assertEquals(schema, byId.body().get("schema").asText());
        assertFalse(byId.body().has("schemaType"), "AVRO omits schemaType like Confluent");

        Answer raw = http.get("/schemas/ids/" + id + "/schema");
        assertEquals(200, raw.status());
        assertEquals(schema, raw.raw());

        Answer subjects = http.get("/schemas/ids/" + id + "/subjects");
        assertEquals("[\"" + s + "\"]", subjects.raw());

        Answer versions = http.get("/schemas/ids/" + id + "/versions");
        assertEquals(s, versions.body().get(0).get("subject").asText());
        assertEquals(1, versions.body().get(0).get("version").asInt());

        assertTrue(toList(http.get("/subjects").body()).contains(s));
        assertEquals("[1]", http.get("/subjects/" + s + "/versions").raw());

        for (String v : List.of("1", "latest", "-1")) {
            Answer version = http.get("/subjects/" + s + "/versions/" + v);
            assertEquals(200, version.status(), version.raw());
            assertEquals(s, version.body().get("subject").asText());
            assertEquals(1, version.body().get("version").asInt());
            assertEquals(id, version.body().get("id").asInt());
            assertEquals(schema, version.body().get("schema").asText());
            assertEquals(schema, http.get("/subjects/" + s + "/versions/" + v + "/schema").raw());
        }

        Answer lookup = http.post("/subjects/" + s, Map.of("schema", schema));
        assertEquals(200, lookup.status(), lookup.raw());
        assertEquals(id, lookup.body().get("id").asInt());
        assertEquals(1, lookup.body().get("version").asInt());
    }

    @Test
    void reRegisteringIsIdempotentAndWhitespaceDoesNotMatter() {
        String s = subject("subject");
        int id = http.register(s, v1("Idem")).body().get("id").asInt();
        String spaced = v1("Idem").replace(",", " ,\n  ").replace(":", " : ");
        Answer again = http.register(s, spaced);
        assertEquals(200, again.status(), again.raw());
        assertEquals(id, again.body().get("id").asInt());
        assertEquals("[1]", http.get("/subjects/" + s + "/versions").raw());
    }

    @Test
    void oneSchemaInTwoSubjectsKeepsOneId() {
        String a = subject("subject");
        String b = subject("subject");
        int idA = http.register(a, v1("Shared")).body().get("id").asInt();
        int idB = http.register(b, v1("Shared")).body().get("id").asInt();
        assertEquals(idA, idB);
        List<String> subjects = toList(http.get("/schemas/ids/" + idA + "/subjects").body());
        assertEquals(List.of(a, b).stream().sorted().toList(), subjects);
    }

    @Test
    void backwardIsTheDefaultAndRejectsWith409() {
        String s = subject("subject");
        http.register(s, v1("Compat"));
        Answer bad = http.register(s, v2Incompatible("Compat"));
        assertEquals(409, bad.status(), bad.raw());
        assertEquals(409, bad.errorCode());
        assertTrue(bad.body().get("message").asText().contains("incompatible"));
        Answer good = http.register(s, v2Compatible("Compat"));
        assertEquals(200, good.status(), good.raw());
        assertEquals("[1,2]", http.get("/subjects/" + s + "/versions").raw());
    }

    @Test
    void everyLevelAcceptsAndRejectsAsDefined() {
        // Field b added without a default: FORWARD-compatible only. Field a removed: BACKWARD-compatible only.
        String addNoDefault = "add";
        String removeField = "remove";
        Map<String, Map<String, Boolean>> expected = Map.of(
                "NONE", Map.of(addNoDefault, true, removeField, true),
                "BACKWARD", Map.of(addNoDefault, false, removeField, true),
                "BACKWARD_TRANSITIVE", Map.of(addNoDefault, false, removeField, true),
                "FORWARD", Map.of(addNoDefault, true, removeField, false),
                "FORWARD_TRANSITIVE", Map.of(addNoDefault, true, removeField, false),
                "FULL", Map.of(addNoDefault, false, removeField, false),
                "FULL_TRANSITIVE", Map.of(addNoDefault, false, removeField, false));
        for (var level : expected.entrySet()) {
            for (var change : level.getValue().entrySet()) {
                String s = subject("subject");
                assertEquals(200, http.put("/config/" + s, Map.of("compatibility", level.getKey())).status());
                String base = avroRecord("L", field("a", "string"), fieldWithDefault("c", "int", "1"));
                assertEquals(200, http.register(s, base).status());
                String next = change.getKey().equals(addNoDefault)
                        ? avroRecord("L", field("a", "string"), fieldWithDefault("c", "int", "1"), field("b", "int"))
                        : avroRecord("L", fieldWithDefault("c", "int", "1"));
                Answer check = http.post("/compatibility/subjects/" + s + "/versions/latest?verbose=true",
                        Map.of("schema", next));
                assertEquals(200, check.status(), check.raw());
                boolean ok = change.getValue();
                assertEquals(ok, check.body().get("is_compatible").asBoolean(),
                        level.getKey() + "/" + change.getKey() + ": " + check.raw());
                assertTrue(check.body().has("messages"));
                Answer reg = http.register(s, next);
                assertEquals(ok ? 200 : 409, reg.status(), level.getKey() + "/" + change.getKey() + ": " + reg.raw());
            }
        }
    }

    @Test
    void transitiveLevelsCheckEveryEarlierVersion() {
        // v1 {a}, v2 {a, b=0}, v3 {b=0}: v3 reads v2 data but not v1 data? It can: a is dropped, b defaults.
        // Instead: v1 {a:int}, v2 {} (drop a, backward ok), v3 {a:string default ""}: reads v2 (a defaults)
        // but not v1 (a was an int), so only the transitive level rejects v3.
        String plain = subject("subject");
        String transitive = subject("subject");
        http.put("/config/" + transitive, Map.of("compatibility", "BACKWARD_TRANSITIVE"));
        String v1 = avroRecord("T", field("a", "int"));
        String v2 = avroRecord("T");
        String v3 = avroRecord("T", fieldWithDefault("a", "string", "\"\""));
        for (String s : List.of(plain, transitive)) {
            assertEquals(200, http.register(s, v1).status());
            assertEquals(200, http.register(s, v2).status());
        }
        assertEquals(200, http.register(plain, v3).status());
        assertEquals(409, http.register(transitive, v3).status());
    }

    @Test
    void jsonSchemasRegisterAndEvolve() {
        String s = subject("subject");
        String v1 = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"additionalProperties\":false}";
        String v2 = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"integer\"}},"
                + "\"additionalProperties\":false}";
        Answer first = http.register(s, v1, "JSON");
        assertEquals(200, first.status(), first.raw());
        int id = first.body().get("id").asInt();
        Answer byId = http.get("/schemas/ids/" + id);
        assertEquals("JSON", byId.body().get("schemaType").asText());
        Answer version = http.get("/subjects/" + s + "/versions/latest");
        assertEquals("JSON", version.body().get("schemaType").asText());
        // Adding an optional property to a closed content model is backward compatible.
        assertEquals(200, http.register(s, v2, "JSON").status());
        // Re-registering version 1's schema answers its existing id (it is still a live version).
        Answer again = http.register(s, v1, "JSON");
        assertEquals(200, again.status(), again.raw());
        assertEquals(id, again.body().get("id").asInt());
    }

    @Test
    void configRoutes() {
        Answer global = http.get("/config");
        assertEquals(200, global.status());
        assertTrue(global.body().has("compatibilityLevel"));

        String s = subject("subject");
        Answer missing = http.get("/config/" + s);
        assertEquals(404, missing.status());
        assertEquals(40408, missing.errorCode());
        Answer fallback = http.get("/config/" + s + "?defaultToGlobal=true");
        assertEquals(200, fallback.status());
        assertEquals(global.body().get("compatibilityLevel").asText(),
                fallback.body().get("compatibilityLevel").asText());

        Answer put = http.put("/config/" + s, Map.of("compatibility", "full_transitive"));
        assertEquals(200, put.status(), put.raw());
        assertEquals("FULL_TRANSITIVE", put.body().get("compatibility").asText());
        assertEquals("FULL_TRANSITIVE", http.get("/config/" + s).body().get("compatibilityLevel").asText());

        Answer invalid = http.put("/config/" + s, Map.of("compatibility", "SIDEWAYS"));
        assertEquals(422, invalid.status());
        assertEquals(42203, invalid.errorCode());
    }

    @Test
    void confluentErrorsForMissingThings() {
        String s = subject("subject");
        Answer noSubject = http.get("/subjects/" + s + "/versions");
        assertEquals(404, noSubject.status());
        assertEquals(40401, noSubject.errorCode());
        assertEquals(RegistryHttp.V1, noSubject.header("Content-Type"));

        http.register(s, v1("Err"));
        Answer noVersion = http.get("/subjects/" + s + "/versions/7");
        assertEquals(404, noVersion.status());
        assertEquals(40402, noVersion.errorCode());

        Answer badVersion = http.get("/subjects/" + s + "/versions/zero");
        assertEquals(422, badVersion.status());
        assertEquals(42202, badVersion.errorCode());

        Answer noSchema = http.get("/schemas/ids/987654");
        assertEquals(404, noSchema.status());
        assertEquals(40403, noSchema.errorCode());

        Answer notInSubject = http.post("/subjects/" + s, Map.of("schema", v1("Other")));
        assertEquals(404, notInSubject.status());
        assertEquals(40403, notInSubject.errorCode());

        Answer invalid = http.register(s, "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\"}]}");
        assertEquals(422, invalid.status(), invalid.raw());
        assertEquals(42201, invalid.errorCode());

        Answer malformed = http.postRaw("/subjects/" + s + "/versions", RegistryHttp.V1, "{not json");
        assertEquals(400, malformed.status(), malformed.raw());
        assertTrue(malformed.body().has("error_code"));

        // A NUL in the URL is refused before routing (Postgres cannot hold it); Confluent would answer 40401 here.
        Answer impossibleSubject = http.get("/subjects/%00bad/versions");
        assertEquals(400, impossibleSubject.status(), impossibleSubject.raw());
        assertEquals(400, impossibleSubject.errorCode());

        Answer unknownPath = http.get("/no/such/path");
        assertEquals(404, unknownPath.status());
        assertTrue(unknownPath.body().has("error_code"), unknownPath.raw());
    }

    @Test
    void unknownFieldsAreIgnoredAndPlainJsonIsAccepted() {
        String s = subject("subject");
        Answer reg = http.postRaw("/subjects/" + s + "/versions", "application/json",
                RegistryHttp.json(Map.of("schema", v1("Extra"), "somethingNew", 42, "schemaType", "AVRO")));
        assertEquals(200, reg.status(), reg.raw());
    }

    @Test
    void minSeqWaitsForTheProjection() {
        String s = subject("subject");
        Answer reg = http.register(s, v1("Seq"));
        long seq = Long.parseLong(reg.header("X-Registry-Seq"));
        Answer read = http.get("/subjects/" + s + "/versions/latest", Map.of("X-Registry-Min-Seq", Long.toString(seq)));
        assertEquals(200, read.status());
        assertTrue(Long.parseLong(read.header("X-Registry-Seq")) >= seq);
        Answer future = http.get("/subjects", Map.of("X-Registry-Min-Seq", Long.toString(seq + 1_000_000)));
        assertEquals(503, future.status(), future.raw());
        assertEquals(50301, future.errorCode());
        assertNotNull(future.header("Retry-After"));
    }

    @Test
    void aReadWaitingForTheNextSequenceIsAnsweredOnceItIsApplied() throws Exception {
        String s = subject("subject");
        long seq = Long.parseLong(http.register(s, v1("Next")).header("X-Registry-Seq"));
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                http.get("/subjects/" + s + "/versions", Map.of("X-Registry-Min-Seq", Long.toString(seq + 1))));
        Thread.sleep(200);
        assertFalse(waiting.isDone(), "the read must wait for a sequence not yet applied");
        assertEquals(200, http.register(s, v2Compatible("Next")).status());
        Answer read = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, read.status(), read.raw());
        assertEquals("[1,2]", read.raw(), "the waiting read sees the write it waited for");
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
