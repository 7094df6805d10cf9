package io.registry.launcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /schemas…}, {@code /contexts}, {@code /v1/metadata…} and unknown paths. */
class SchemasContractTest extends ContractBase {

    @Test
    void byId() {
        String s = subject("byid");
        int id = register(s, avro("I"));
        client.get("/schemas/ids/" + id).fields("schema");
        JsonNode withMax = client.get("/schemas/ids/" + id + "?fetchMaxId=true").fields("schema", "maxId");
        assertTrue(withMax.get("maxId").asInt() >= id);
        client.get("/schemas/ids/" + id + "?subject=" + s).fields("schema");
        // Like Confluent (default context), the subject does not filter: the Confluent JS deserializer sends its
        // topic's subject even for schemas registered under another one (RealClientsTest covers the real client).
        client.get("/schemas/ids/" + id + "?subject=other-" + s).fields("schema");
        assertEquals(List.of(s), client.get("/schemas/ids/" + id + "/subjects").strings());
        JsonNode versions = client.get("/schemas/ids/" + id + "/versions").ok();
        assertEquals(s, versions.get(0).get("subject").asText());
        assertEquals(1, versions.get(0).get("version").asInt());
        client.get("/schemas/ids/999999").error(404, 40403);
        client.get("/schemas/ids/999999/subjects").error(404, 40403);
    }

    /** Confluent pages these lists like its others: skip(offset).limit(limit), a limit outside 1..max = all. */
    @Test
    void idUsagesArePaged() {
        String p = subject("page");
        String schema = avro("P" + p.substring(p.length() - 8).replace('-', '_'));
        int id = register(p + "-a", schema);
        register(p + "-b", schema);
        register(p + "-c", schema);
        String subjects = "/schemas/ids/" + id + "/subjects";
        assertEquals(List.of(p + "-a", p + "-b", p + "-c"), client.get(subjects).strings());
        assertEquals(List.of(p + "-b"), client.get(subjects + "?offset=1&limit=1").strings());
        assertEquals(List.of(p + "-b", p + "-c"), client.get(subjects + "?offset=1").strings());
        assertEquals(List.of(p + "-a", p + "-b", p + "-c"), client.get(subjects + "?offset=-5&limit=-1").strings());
        assertEquals(List.of(p + "-a", p + "-b", p + "-c"), client.get(subjects + "?limit=2147483647").strings());
        assertEquals(List.of(), client.get(subjects + "?offset=2147483647").strings());
        JsonNode page = client.get("/schemas/ids/" + id + "/versions?offset=2&limit=5").ok();
        assertEquals(1, page.size());
        assertEquals(p + "-c", page.get(0).get("subject").asText());
        assertEquals(0, client.get("/schemas/ids/" + id + "/versions?offset=3").ok().size());
        assertEquals(3, client.get("/schemas/ids/" + id + "/versions?offset=-1&limit=0").ok().size());
    }

    /**
     * Confluent's {@code testCompatibilityBySubjectName}: the version is parsed first (42202), a missing or
     * soft-deleted version is 40402 whether or not the subject exists, {@code latest} of an empty subject is
     * compatible; an invalid schema is 42201, or with {@code verbose} an incompatible answer saying why.
     */
    @Test
    void compatibilityAgainstAVersionAnswersAsConfluent() {
        String s = subject("cv");
        String body = schemaBody(avro("Cv"));
        String route = "/compatibility/subjects/" + s + "/versions/";
        client.post(route + "1", body).error(404, 40402);
        assertTrue(client.post(route + "latest", body).fields("is_compatible").get("is_compatible").asBoolean());
        for (String invalid : List.of("abc", "0", "-2", "1.5")) {
            client.post(route + invalid, body).error(422, 42202);
        }
        register(s, avro("Cv"));
        assertTrue(client.post(route + "1", body).ok().get("is_compatible").asBoolean());
        client.post(route + "2", body).error(404, 40402);
        client.delete("/subjects/" + s).ints();
        client.post(route + "1", body).error(404, 40402);
        assertTrue(client.post(route + "latest", body).ok().get("is_compatible").asBoolean());

        String live = subject("cvl");
        register(live, avro("Cv"));
        String bad = schemaBody(Client.json("{'type':'record','name':'Cv','fields':[{'name':'a','type':'int',"
                + "'default':'x'}]}"));
        client.post("/compatibility/subjects/" + live + "/versions/latest", bad).error(422, 42201);
        client.post("/compatibility/subjects/" + live + "/versions", bad).error(422, 42201);
        JsonNode verbose = client.post("/compatibility/subjects/" + live + "/versions?verbose=true", bad)
                .fields("is_compatible", "messages");
        assertFalse(verbose.get("is_compatible").asBoolean());
        assertTrue(verbose.get("messages").get(0).asText().contains("default"), verbose.toString());
        // A lookup is no registration: Confluent does not validate defaults there, so the schema is just not found.
        client.post("/subjects/" + live, bad).error(404, 40403);

        String json = subject("cvj");
        client.post("/subjects/" + json + "/versions", "{\"schemaType\":\"JSON\",\"schema\":"
                + Client.quoted("{\"type\":\"string\"}") + "}").fields("id");
        JsonNode other = client.post("/compatibility/subjects/" + json + "/versions/latest?verbose=true", body)
                .fields("is_compatible", "messages");
        assertFalse(other.get("is_compatible").asBoolean());
        assertTrue(other.get("messages").get(0).asText().startsWith("Incompatible because of different schema type"),
                other.toString());
    }

    @Test
    void jsonAndProtobufCarrySchemaType() {
        String j = subject("json");
        JsonNode idJ = client.post("/subjects/" + j + "/versions",
                "{\"schemaType\":\"JSON\",\"schema\":" + Client.quoted("{\"type\":\"string\"}") + "}").fields("id");
        client.get("/schemas/ids/" + idJ.get("id").asInt()).fields("schemaType", "schema");
        client.get("/subjects/" + j + "/versions/1").fields("subject", "version", "id", "schemaType", "schema");
        String p = subject("proto");
        client.post("/subjects/" + p + "/versions", "{\"schemaType\":\"PROTOBUF\",\"schema\":"
                + Client.quoted("syntax = \"proto3\";\nmessage P { string a = 1; }\n") + "}").fields("id");
        assertEquals("PROTOBUF", client.get("/subjects/" + p + "/versions/latest").ok().get("schemaType").asText());
    }

    @Test
    void schemaList() {
        String p = subject("all");
        register(p + "-x", avro("X"));
        register(p + "-x", avro("X", "b"));
        JsonNode all = client.get("/schemas?subjectPrefix=" + p).ok();
        assertEquals(2, all.size());
        for (JsonNode n : all) {
            assertTrue(n.has("subject") && n.has("version") && n.has("id") && n.has("schema"), n.toString());
        }
        JsonNode latest = client.get("/schemas?subjectPrefix=" + p + "&latestOnly=true").ok();
        assertEquals(1, latest.size());
        assertEquals(2, latest.get(0).get("version").asInt());
        assertEquals(1, client.get("/schemas?subjectPrefix=" + p + "&limit=1").ok().size());
    }

    @Test
    void typesContextsAndMetadata() {
        assertEquals(List.of("AVRO", "JSON", "PROTOBUF"), client.get("/schemas/types").strings());
        assertEquals(".", client.get("/contexts").strings().get(0));
        JsonNode id = client.get("/v1/metadata/id").fields("scope", "id");
        assertTrue(id.get("scope").has("clusters"));
        client.get("/v1/metadata/version").fields("version", "commitId");
        assertTrue(client.get("/").ok().isObject());
    }

    @Test
    void unknownPathsAnswerJson404() {
        for (String path : List.of("/associations", "/associations/subjects/a/resources", "/dek-registry/v1/keks",
                "/no/such/thing")) {
            client.get(path).error(404, 404);
        }
    }
}
