package io.registry.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.launcher.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code /api/v1} LLM registry API, health and metrics, end to end over HTTP against the full stack. */
@FullStackTest.StackProperties({"registry.v1.max-batch=5", "registry.v1.max-payload-bytes=4096",
        "registry.v1.max-schema-bytes=8192"})
class V1ApiTest extends FullStackTest {
    static JsonNode json(String text) {
        try {
            return RegistryHttp.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final String PERSON = """
            {"type":"object","additionalProperties":false,"required":["name","age"],
             "properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0}}}""";
    static final String PERSON_WITH_EMAIL = """
            {"type":"object","additionalProperties":false,"required":["name","age"],
             "properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0},
               "email":{"type":"string","format":"email"}}}""";
    static final String PERSON_WITH_EMAIL_DOCUMENTED = """
            {"type":"object","additionalProperties":false,"required":["name","age"],"description":"A person",
             "properties":{"name":{"type":"string","title":"Name"},"age":{"type":"integer","minimum":0},
               "email":{"type":"string","format":"email"}}}""";
    static final String PERSON_AGE_AS_STRING = """
            {"type":"object","additionalProperties":false,"required":["name","age"],
             "properties":{"name":{"type":"string"},"age":{"type":"string"},
               "email":{"type":"string","format":"email"}}}""";

    static Map<String, Object> registration(String subject, String schema, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("schema", type.equals("json") ? json(schema) : schema);
        body.put("schema_type", type);
        return body;
    }

    @Test
    void registersReadsAndRepostsIdempotently() {
        String subject = subject("people");
        Map<String, Object> body = registration(subject, PERSON, "json");
        body.put("description", "People we know");
        body.put("metadata", Map.of("owner", "team-a", "tier", 1));
        Answer created = http.post("/api/v1/schemas", body);
        assertEquals(201, created.status(), created.raw());
        int id = created.body().path("id").asInt();
        assertEquals(subject, created.body().path("subject").asText());
        assertEquals(1, created.body().path("version").asInt());
        assertEquals("1.0.0", created.body().path("semver").asText());
        assertEquals(64, created.body().path("fingerprint").asText().length());
        assertTrue(created.header("X-Registry-Seq") != null);

        Answer again = http.post("/api/v1/schemas", body);
        assertEquals(200, again.status(), again.raw());
        assertEquals(id, again.body().path("id").asInt());
        assertEquals("1.0.0", again.body().path("semver").asText());
        assertEquals(1, http.get("/subjects/" + subject + "/versions").body().size(), "no duplicate version");

        Answer byId = http.get("/api/v1/schemas/" + id);
        assertEquals(200, byId.status(), byId.raw());
        assertEquals("json", byId.body().path("schema_type").asText());
        assertEquals(json(PERSON), byId.body().path("schema"));
        // The same content may be registered under other subjects too (same id): find this one.
        JsonNode usage = null;
        for (JsonNode u : byId.body().path("versions")) {
            if (u.path("subject").asText().equals(subject)) {
                usage = u;
            }
        }
        assertTrue(usage != null, byId.raw());
        assertEquals("1.0.0", usage.path("semver").asText());
        assertEquals("team-a", usage.at("/metadata/owner").asText());

        for (String version : List.of("1.0.0", "latest")) {
            Answer v = http.get("/api/v1/subjects/" + subject + "/versions/" + version);
            assertEquals(200, v.status(), v.raw());
            assertEquals(id, v.body().path("id").asInt());
            assertEquals("1.0.0", v.body().path("semver").asText());
            assertEquals("People we know", v.body().path("description").asText());
            assertEquals(1, v.body().at("/metadata/tier").asInt());
            assertEquals(json(PERSON), v.body().path("schema"));
        }
        assertEquals(404, http.get("/api/v1/subjects/" + subject + "/versions/9.9.9").status());
        assertEquals(422, http.get("/api/v1/subjects/" + subject + "/versions/1.0").status());
        assertEquals(404, http.get("/api/v1/subjects/nobody-here/versions/latest").status());
        assertEquals(404, http.get("/api/v1/schemas/999999").status());

        // The Confluent API sees the same registration, with the semantic version in its metadata.
        Answer confluent = http.get("/subjects/" + subject + "/versions/latest");
        assertEquals(id, confluent.body().path("id").asInt());
    }

    @Test
    void semanticVersionsFollowTheChange() {
        String subject = subject("evolving");
        assertEquals("1.0.0", http.post("/api/v1/schemas", registration(subject, PERSON, "json"))
                .body().path("semver").asText());
        Answer additive = http.post("/api/v1/schemas", registration(subject, PERSON_WITH_EMAIL, "json"));
        assertEquals(201, additive.status(), additive.raw());
        assertEquals("1.1.0", additive.body().path("semver").asText());
        Answer documented = http.post("/api/v1/schemas", registration(subject, PERSON_WITH_EMAIL_DOCUMENTED, "json"));
        assertEquals("1.1.1", documented.body().path("semver").asText(), documented.raw());

        // Breaking under BACKWARD: rejected whatever the version says.
        Map<String, Object> breaking = registration(subject, PERSON_AGE_AS_STRING, "json");
        breaking.put("version", "2.0.0");
        Answer rejected = http.post("/api/v1/schemas", breaking);
        assertEquals(409, rejected.status(), rejected.raw());

        // Under NONE the registry accepts it, but only as a major step.
        assertEquals(200, http.put("/config/" + subject, Map.of("compatibility", "NONE")).status());
        breaking.put("version", "1.2.0");
        Answer underBumped = http.post("/api/v1/schemas", breaking);
        assertEquals(409, underBumped.status(), underBumped.raw());
        assertTrue(underBumped.body().path("message").asText().contains("needs a major step"), underBumped.raw());
        breaking.put("version", "2.0.0");
        Answer major = http.post("/api/v1/schemas", breaking);
        assertEquals(201, major.status(), major.raw());
        assertEquals("2.0.0", major.body().path("semver").asText());
        assertEquals(4, major.body().path("version").asInt());

        Map<String, Object> backwards = registration(subject, PERSON_AGE_AS_STRING.replace("\"email\"", "\"mail\""),
                "json");
        backwards.put("version", "1.5.0");
        Answer notLater = http.post("/api/v1/schemas", backwards);
        assertEquals(409, notLater.status(), notLater.raw());

        Answer versions = http.get("/api/v1/subjects/" + subject + "/versions");
        List<String> semvers = new ArrayList<>();
        versions.body().path("versions").forEach(v -> semvers.add(v.path("semver").asText()));
        assertEquals(List.of("1.0.0", "1.1.0", "1.1.1", "2.0.0"), semvers);
        assertEquals(3, http.get("/api/v1/subjects/" + subject + "/versions/1.1.1").body().path("version").asInt());
    }

    /**
     * Registrations to one subject sent all at once, without {@code version}: the sequencer decides each semantic
     * version against the one before it in log order, so none is given twice and they rise with the versions
     * (decided on the API node from the read model, concurrent ones could get the same semver).
     */
    @Test
    void concurrentRegistrationsGetDistinctOrderedSemvers() throws Exception {
        String subject = subject("concurrent");
        int writers = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                // description-only revisions: compatible in any order, each a patch step
                String schema = PERSON.replace("{\"type\":\"object\",", "{\"type\":\"object\",\"description\":\"rev "
                        + i + "\",");
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.post("/api/v1/schemas", registration(subject, schema, "json"));
                }));
            }
            start.countDown();
            Map<Integer, String> semverByVersion = new java.util.TreeMap<>();
            for (java.util.concurrent.Future<Answer> f : answers) {
                Answer a = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(201, a.status(), a.raw());
                semverByVersion.put(a.body().path("version").asInt(), a.body().path("semver").asText());
            }
            assertEquals(writers, semverByVersion.size(), "one version each: " + semverByVersion);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                expected.add("1.0." + i);
            }
            assertEquals(expected, List.copyOf(semverByVersion.values()), "distinct and in version order");
            List<String> listed = new ArrayList<>();
            http.get("/api/v1/subjects/" + subject + "/versions").body().path("versions")
                    .forEach(v -> listed.add(v.path("semver").asText()));
            assertEquals(expected, listed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void compatibilityCheckGivesVerdictAndBump() {
        String subject = subject("checked");
        Map<String, Object> first = registration(subject, PERSON, "json");
        Answer initial = http.post("/api/v1/compatibility/check", first);
        assertEquals(200, initial.status(), initial.raw());
        assertTrue(initial.body().path("compatible").asBoolean());
        assertEquals("initial", initial.body().path("bump").asText());
        assertEquals("1.0.0", initial.body().path("next_semver").asText());
        http.post("/api/v1/schemas", first);

        Answer minor = http.post("/api/v1/compatibility/check", registration(subject, PERSON_WITH_EMAIL, "json"));
        assertTrue(minor.body().path("compatible").asBoolean(), minor.raw());
        assertEquals("minor", minor.body().path("bump").asText());
        assertEquals("1.1.0", minor.body().path("next_semver").asText());
        assertEquals("BACKWARD", minor.body().path("level").asText());

        Answer major = http.post("/api/v1/compatibility/check", registration(subject, PERSON_AGE_AS_STRING, "json"));
        assertFalse(major.body().path("compatible").asBoolean(), major.raw());
        assertEquals("major", major.body().path("bump").asText());
        assertEquals("2.0.0", major.body().path("next_semver").asText());
        assertTrue(major.body().path("messages").size() > 0);

        Map<String, Object> none = registration(subject, PERSON_AGE_AS_STRING, "json");
        none.put("level", "none");
        Answer underNone = http.post("/api/v1/compatibility/check", none);
        assertTrue(underNone.body().path("compatible").asBoolean(), underNone.raw());
        assertEquals("major", underNone.body().path("bump").asText());

        Answer same = http.post("/api/v1/compatibility/check", first);
        assertEquals("none", same.body().path("bump").asText(), same.raw());

        none.put("level", "SIDEWAYS");
        assertEquals(422, http.post("/api/v1/compatibility/check", none).status());
    }

    @Test
    void searchesBySubjectPrefixAndMetadata() {
        String prefix = "search-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> a = registration(prefix + "-a", PERSON, "json");
        a.put("metadata", Map.of("owner", "team-a"));
        Map<String, Object> b = registration(prefix + "-b", PERSON, "json");
        b.put("metadata", Map.of("owner", "team-b"));
        assertEquals(201, http.post("/api/v1/schemas", a).status());
        assertEquals(201, http.post("/api/v1/schemas", b).status());

        Answer all = http.get("/api/v1/schemas?subject_prefix=" + prefix);
        assertEquals(2, all.body().path("schemas").size(), all.raw());
        Answer owned = http.get("/api/v1/schemas?subject_prefix=" + prefix + "&metadata.owner=team-b");
        assertEquals(1, owned.body().path("schemas").size(), owned.raw());
        assertEquals(prefix + "-b", owned.body().at("/schemas/0/subject").asText());
        assertEquals(0, http.get("/api/v1/schemas?metadata.owner=nobody").body().path("schemas").size());
    }

    @Test
    void validatesJsonPayloadsSingleAndBatch() {
        String subject = subject("validated");
        int id = http.post("/api/v1/schemas", registration(subject, """
                {"type":"object","required":["name","address"],
                 "properties":{"name":{"type":"string"},
                   "address":{"type":"object","required":["city"],"properties":{"city":{"type":"string"},
                     "zip":{"type":"string","pattern":"^[0-9]{5}$"}}},
                   "tags":{"type":"array","items":{"type":"string"}}}}""", "json")).body().path("id").asInt();

        Answer ok = http.post("/api/v1/validate/" + id, json("{\"name\":\"a\",\"address\":{\"city\":\"x\"}}"));
        assertEquals(200, ok.status(), ok.raw());
        assertTrue(ok.body().path("valid").asBoolean());
        assertEquals(0, ok.body().path("errors").size());

        Answer bad = http.post("/api/v1/validate/" + id,
                json("{\"name\":1,\"address\":{\"zip\":\"12\"},\"tags\":[\"x\",2]}"));
        assertFalse(bad.body().path("valid").asBoolean(), bad.raw());
        List<String> errors = new ArrayList<>();
        bad.body().path("errors").forEach(e -> errors.add(e.path("path").asText() + " " + e.path("keyword").asText()));
        assertEquals(List.of("/address/city required", "/address/zip pattern", "/name type", "/tags/1 type"),
                errors.stream().sorted().toList(), bad.raw());

        Answer batch = http.post("/api/v1/validate/" + id, Map.of("payloads", List.of(
                json("{\"name\":\"a\",\"address\":{\"city\":\"x\"}}"), json("{\"name\":\"a\"}"))));
        assertEquals(200, batch.status(), batch.raw());
        assertFalse(batch.body().path("valid").asBoolean());
        assertEquals(1, batch.body().path("valid_count").asInt());
        assertTrue(batch.body().at("/results/0/valid").asBoolean());
        assertEquals("/address", batch.body().at("/results/1/errors/0/path").asText());

        Answer tooMany = http.post("/api/v1/validate/" + id, Map.of("payloads", List.of(1, 2, 3, 4, 5, 6)));
        assertEquals(422, tooMany.status(), tooMany.raw());
        Answer tooBig = http.post("/api/v1/validate/" + id, Map.of("name", "x".repeat(5000)));
        assertEquals(413, tooBig.status(), tooBig.raw());
        assertEquals(400, http.postRaw("/api/v1/validate/" + id, "application/json", "{\"name\":").status());
        assertEquals(404, http.post("/api/v1/validate/999999", Map.of()).status());
    }

    @Test
    void validatesAvroAndProtobufPayloads() {
        String avro = """
                {"type":"record","name":"Order","namespace":"acme","fields":[
                  {"name":"id","type":{"type":"string","logicalType":"uuid"}},
                  {"name":"note","type":["null","string"],"default":null},
                  {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[
                    {"name":"qty","type":"int"}]}}}]}""";
        int avroId = http.post("/api/v1/schemas", registration(subject("avro"), avro, "avro")).body().path("id").asInt();
        assertTrue(http.post("/api/v1/validate/" + avroId, json("""
                {"id":"0b6c5c63-8a9b-4c53-9a53-7d7c3a3f0e11","note":{"string":"hi"},"lines":[{"qty":1}]}"""))
                .body().path("valid").asBoolean());
        Answer badAvro = http.post("/api/v1/validate/" + avroId, json("""
                {"id":"0b6c5c63-8a9b-4c53-9a53-7d7c3a3f0e11","lines":[{"qty":1},{"qty":"two"}]}"""));
        assertEquals("/lines/1/qty", badAvro.body().at("/errors/0/path").asText(), badAvro.raw());

        String proto = """
                syntax = "proto3";
                package acme;
                message Shipment { string id = 1; int64 weight_grams = 2; repeated Item items = 3;
                  message Item { string sku = 1; uint32 count = 2; } }
                """;
        Answer protoReg = http.post("/api/v1/schemas", registration(subject("proto"), proto, "protobuf"));
        assertEquals(201, protoReg.status(), protoReg.raw());
        int protoId = protoReg.body().path("id").asInt();
        assertTrue(http.post("/api/v1/validate/" + protoId, json("""
                {"id":"s1","weightGrams":"1200","items":[{"sku":"a","count":2}]}""")).body().path("valid").asBoolean());
        Answer badProto = http.post("/api/v1/validate/" + protoId, json("""
                {"id":"s1","items":[{"sku":"a","count":-2}]}"""));
        assertEquals("/items/0/count", badProto.body().at("/errors/0/path").asText(), badProto.raw());
        Answer nested = http.post("/api/v1/validate/" + protoId + "?message=acme.Shipment.Item",
                json("{\"sku\":\"a\",\"count\":\"x\"}"));
        assertEquals("/count", nested.body().at("/errors/0/path").asText(), nested.raw());
        assertEquals(422, http.post("/api/v1/validate/" + protoId + "?message=acme.Nope", json("{}")).status());
    }

    @Test
    void exportsToLlmProvidersOrRefuses() {
        String strict = """
                {"type":"object","additionalProperties":false,"required":["city","days"],
                 "properties":{"city":{"type":"string","description":"City name"},
                   "days":{"type":"integer","minimum":1,"maximum":14}}}""";
        String subject = subject("weather");
        Map<String, Object> body = registration(subject, strict, "json");
        body.put("description", "Get the forecast");
        int id = http.post("/api/v1/schemas", body).body().path("id").asInt();

        Answer openai = http.get("/api/v1/schemas/" + id + "/llm?target=openai");
        assertEquals(200, openai.status(), openai.raw());
        assertEquals(json(strict), openai.body().at("/definition/response_format/json_schema/schema"));
        assertTrue(openai.body().at("/definition/response_format/json_schema/strict").asBoolean());
        assertEquals("Get the forecast", openai.body().at("/definition/tool/function/description").asText());
        assertEquals(subject, openai.body().path("name").asText());

        Answer gemini = http.get("/api/v1/schemas/" + id + "/llm?target=gemini");
        assertEquals(200, gemini.status(), gemini.raw());
        assertEquals(json(strict), gemini.body().at("/definition/generation_config/responseJsonSchema"));

        // Anthropic strict mode has no numeric bounds: refused, with the constructs listed.
        Answer anthropic = http.get("/api/v1/schemas/" + id + "/llm?target=anthropic");
        assertEquals(422, anthropic.status(), anthropic.raw());
        List<String> problems = new ArrayList<>();
        anthropic.body().path("problems").forEach(p -> problems.add(p.path("path").asText() + " "
                + p.path("construct").asText()));
        assertEquals(List.of("/properties/days/minimum minimum", "/properties/days/maximum maximum"), problems);

        int loose = http.post("/api/v1/schemas", registration(subject("loose"), PERSON_WITH_EMAIL.replace(
                "\"additionalProperties\":false,", ""), "json")).body().path("id").asInt();
        Answer refused = http.get("/api/v1/schemas/" + loose + "/llm?target=openai");
        assertEquals(422, refused.status(), refused.raw());
        assertTrue(refused.raw().contains("additionalProperties"), refused.raw());
        assertTrue(refused.raw().contains("/properties/email"), refused.raw());

        int avroId = http.post("/api/v1/schemas", registration(subject("avro-export"),
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}", "avro"))
                .body().path("id").asInt();
        assertEquals(422, http.get("/api/v1/schemas/" + avroId + "/llm?target=openai").status());
        assertEquals(422, http.get("/api/v1/schemas/" + id + "/llm?target=mistral").status());
        assertEquals(422, http.get("/api/v1/schemas/" + id + "/llm").status());
    }

    @Test
    void badInputIsAClear4xxAndWritesNothing() {
        String subject = subject("bad");
        assertEquals(400, http.postRaw("/api/v1/schemas", "application/json", "{\"subject\":").status());
        assertEquals(400, http.postRaw("/api/v1/schemas", "application/json", "[1,2]").status());
        Map<String, Object> unknownType = registration(subject, PERSON, "json");
        unknownType.put("schema_type", "xml");
        Answer xml = http.post("/api/v1/schemas", unknownType);
        assertEquals(422, xml.status());
        assertTrue(xml.body().path("message").asText().contains("xml"), xml.raw());
        Map<String, Object> noSubject = registration(subject, PERSON, "json");
        noSubject.remove("subject");
        assertEquals(422, http.post("/api/v1/schemas", noSubject).status());
        Answer invalid = http.post("/api/v1/schemas", registration(subject, "{\"type\":\"record\"}", "avro"));
        assertEquals(422, invalid.status());
        assertEquals(42201, invalid.errorCode());
        Map<String, Object> huge = registration(subject, "{\"type\":\"object\",\"description\":\""
                + "x".repeat(9000) + "\"}", "json");
        Answer tooLarge = http.post("/api/v1/schemas", huge);
        assertEquals(422, tooLarge.status());
        assertEquals(42209, tooLarge.errorCode());
        Map<String, Object> badVersion = registration(subject, PERSON, "json");
        badVersion.put("version", "v1");
        assertEquals(42202, http.post("/api/v1/schemas", badVersion).errorCode());
        Map<String, Object> badMetadata = registration(subject, PERSON, "json");
        badMetadata.put("metadata", List.of(1));
        assertEquals(422, http.post("/api/v1/schemas", badMetadata).status());
        assertEquals(404, http.get("/subjects/" + subject + "/versions").status(), "nothing was written");
    }

    /** A schema_type other than the subject's is refused with a 4xx by the one type guard (a 500 before). */
    @Test
    void aSchemaTypeOtherThanTheSubjectsIsAConflict() {
        String subject = subject("typed");
        assertEquals(201, http.post("/api/v1/schemas", registration(subject, PERSON, "json")).status());
        for (String route : List.of("/api/v1/compatibility/check", "/api/v1/schemas")) {
            Answer other = http.post(route, registration(subject, "{\"type\":\"string\"}", "avro"));
            assertEquals(409, other.status(), route + " " + other.raw());
            assertEquals(409, other.errorCode());
            assertTrue(other.body().path("message").asText().contains("different schema type"), other.raw());
        }
        assertEquals(1, http.get("/subjects/" + subject + "/versions").body().size(), "nothing was written");
    }

    /**
     * An identical retry with its explicit version answers the version it registered, also when the subject's
     * config normalizes (the sequencer stores the normalized form; the retry must look for that form).
     */
    @Test
    void identicalRetriesWithAVersionAreIdempotentUnderNormalize() {
        String subject = subject("normalized");
        assertEquals(200, http.put("/config/" + subject, Map.of("normalize", true)).status());
        Map<String, Object> body = registration(subject, "syntax = \"proto3\";\nimport "
                + "\"google/protobuf/timestamp.proto\";\nmessage M { string a = 1; google.protobuf.Timestamp t = 2; }\n",
                "protobuf");
        body.put("version", "1.0.0");
        Answer created = http.post("/api/v1/schemas", body);
        assertEquals(201, created.status(), created.raw());
        Answer again = http.post("/api/v1/schemas", body);
        assertEquals(200, again.status(), again.raw());
        assertEquals(created.body().get("id"), again.body().get("id"));
        assertEquals(created.body().get("fingerprint"), again.body().get("fingerprint"));
        assertEquals("1.0.0", again.body().get("semver").asText());
    }

    /** Every field of the write and check bodies with a wrong JSON type or an empty string: a 4xx, never a 5xx. */
    @Test
    void wrongFieldTypesAreA4xx() {
        String subject = subject("types");
        List<Map<String, Object>> bodies = new java.util.ArrayList<>();
        for (Object wrong : List.of(1, true, List.of(), Map.of(), "")) {
            for (String field : List.of("subject", "schema_type", "schema", "version", "description", "metadata",
                    "level")) {
                Map<String, Object> body = registration(subject, PERSON, "json");
                body.put(field, wrong);
                bodies.add(body);
            }
        }
        for (Map<String, Object> body : bodies) {
            for (String route : List.of("/api/v1/schemas", "/api/v1/compatibility/check")) {
                int status = http.post(route, body).status();
                assertTrue(status < 500, route + " " + body + " -> " + status);
            }
        }
    }

    @Test
    void healthReadinessAndMetrics() {
        Answer live = http.get("/health");
        assertEquals(200, live.status(), live.raw());
        assertEquals("UP", live.body().path("status").asText());

        http.post("/api/v1/schemas", registration(subject("metrics"), PERSON, "json"));
        Answer ready = http.get("/health/ready");
        assertEquals(200, ready.status(), ready.raw());
        assertEquals("UP", ready.body().at("/kafka/status").asText());
        assertEquals("UP", ready.body().at("/projections/postgres/status").asText());
        assertEquals("UP", ready.body().at("/projections/redis/status").asText());
        assertTrue(ready.body().at("/projections/postgres/lag_offsets").asLong() <= 1, ready.raw());

        int id = http.post("/api/v1/schemas", registration(subject("metrics"), PERSON_WITH_EMAIL, "json"))
                .body().path("id").asInt();
        http.post("/api/v1/validate/" + id, Map.of("name", "a", "age", 1));
        Answer metrics = http.get("/metrics", Map.of());
        assertEquals(200, metrics.status());
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics.header("Content-Type"));
        String text = metrics.raw();
        assertTrue(text.contains("http_server_requests_seconds_count{"), text);
        assertTrue(text.contains("uri=\"/api/v1/validate/{id}\""), text);
        assertTrue(text.contains("registry_validations_total{result=\"valid\",schema_type=\"json\"}"), text);
        assertTrue(text.contains("registry_projection_lag_offsets{projection=\"postgres\"}"), text);
        assertTrue(text.contains("registry_sequencer_outcomes_total{error_code=\"none\",outcome=\"registered\"}"), text);
    }
}
