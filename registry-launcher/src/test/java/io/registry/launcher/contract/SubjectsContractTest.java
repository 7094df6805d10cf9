package io.registry.launcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.registry.launcher.contract.Client.json;
import static io.registry.launcher.contract.Client.quoted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /subjects…} as Confluent clients see it: registration, reads, lookups, deletes, references. */
class SubjectsContractTest extends ContractBase {

    @Test
    void registerAnswersIdOnly() {
        String s = subject("reg");
        int id = register(s, avro("R"));
        assertTrue(id > 0);
        assertEquals(id, register(s, avro("R")), "a repeat answers the same id");
    }

    @Test
    void registerErrors() {
        String s = subject("regerr");
        client.post("/subjects/" + s + "/versions", schemaBody("{\"type\":\"nope\"}")).error(422, 42201);
        client.post("/subjects/" + s + "/versions", "{not json").error(400, 400);
        register(s, avro("R"));
        client.post("/subjects/" + s + "/versions",
                schemaBody(json("{'type':'record','name':'R','fields':[{'name':'a','type':'string'},"
                        + "{'name':'b','type':'int'}]}"))).error(409, 409);
    }

    @Test
    void versionReads() {
        String s = subject("read");
        int id = register(s, avro("V"));
        assertEquals(List.of(1), client.get("/subjects/" + s + "/versions").ints());
        for (String v : List.of("1", "latest", "-1")) {
            JsonNode body = client.get("/subjects/" + s + "/versions/" + v)
                    .fields("subject", "version", "id", "schema");
            assertEquals(s, body.get("subject").asText());
            assertEquals(1, body.get("version").asInt());
            assertEquals(id, body.get("id").asInt());
        }
        Client.Reply raw = client.get("/subjects/" + s + "/versions/1/schema");
        assertEquals(200, raw.status());
        assertEquals("record", raw.body().get("type").asText());
        client.get("/subjects/" + s + "/versions/2").error(404, 40402);
        client.get("/subjects/" + s + "/versions/zero").error(422, 42202);
        client.get("/subjects/" + s + "/versions/0").error(422, 42202);
        client.get("/subjects/nope-" + s + "/versions").error(404, 40401);
        client.get("/subjects/nope-" + s + "/versions/1").error(404, 40401);
    }

    /** Confluent's getLatestWithMetadata, as @confluentinc/schemaregistry and the Java client call it. */
    @Test
    void latestWithMetadata() {
        String s = subject("meta");
        String owner = "{\"schema\":%s,\"metadata\":{\"properties\":{\"owner\":\"%s\",\"tier\":\"1\"}}}";
        int idA = client.post("/subjects/" + s + "/versions", owner.formatted(Client.quoted(avro("M")), "a"))
                .fields("id").get("id").asInt();
        int idB = client.post("/subjects/" + s + "/versions", owner.formatted(Client.quoted(avro("M", "x")), "b"))
                .fields("id").get("id").asInt();
        JsonNode a = client.get("/subjects/" + s + "/metadata?key=owner&value=a&deleted=false")
                .fields("subject", "version", "id", "metadata", "schema");
        assertEquals(1, a.get("version").asInt());
        assertEquals(idA, a.get("id").asInt());
        assertEquals("a", a.get("metadata").get("properties").get("owner").asText());
        JsonNode both = client.get("/subjects/" + s + "/metadata?key=tier&value=1&key=owner&value=b").ok();
        assertEquals(2, both.get("version").asInt());
        assertEquals(idB, both.get("id").asInt());
        assertEquals(2, client.get("/subjects/" + s + "/metadata").ok().get("version").asInt(), "no pair: latest");
        client.get("/subjects/" + s + "/metadata?key=owner&value=c").error(404, 40403);
        client.get("/subjects/nope-" + s + "/metadata?key=owner&value=a").error(404, 40401);
        client.delete("/subjects/" + s + "/versions/1").ok();
        client.get("/subjects/" + s + "/metadata?key=owner&value=a").error(404, 40403);
        assertEquals(1, client.get("/subjects/" + s + "/metadata?key=owner&value=a&deleted=true").ok()
                .get("version").asInt());
    }

    @Test
    void lookup() {
        String s = subject("look");
        int id = register(s, avro("L"));
        JsonNode found = client.post("/subjects/" + s, schemaBody(avro("L")))
                .fields("subject", "version", "id", "schema");
        assertEquals(id, found.get("id").asInt());
        client.post("/subjects/" + s, schemaBody(avro("Other"))).error(404, 40403);
        client.post("/subjects/nope-" + s, schemaBody(avro("L"))).error(404, 40401);
    }

    @Test
    void subjectList() {
        String p = subject("list");
        register(p + "-a", avro("A"));
        register(p + "-b", avro("B"));
        assertTrue(client.get("/subjects").strings().containsAll(List.of(p + "-a", p + "-b")));
        assertEquals(List.of(p + "-a", p + "-b"), client.get("/subjects?subjectPrefix=" + p).strings());
        assertEquals(List.of(p + "-b"), client.get("/subjects?subjectPrefix=" + p + "&offset=1&limit=5").strings());
        client.delete("/subjects/" + p + "-b").ints();
        assertEquals(List.of(p + "-a"), client.get("/subjects?subjectPrefix=" + p).strings());
        assertEquals(List.of(p + "-a", p + "-b"),
                client.get("/subjects?subjectPrefix=" + p + "&deleted=true").strings());
        assertEquals(List.of(p + "-b"), client.get("/subjects?subjectPrefix=" + p + "&deletedOnly=true").strings());
    }

    @Test
    void deleteSubject() {
        String s = subject("dels");
        register(s, avro("D"));
        register(s, avro("D", "b"));
        client.delete("/subjects/" + s + "?permanent=true").error(404, 40405);
        assertEquals(List.of(1, 2), client.delete("/subjects/" + s).ints());
        client.delete("/subjects/" + s).error(404, 40404);
        client.get("/subjects/" + s + "/versions").error(404, 40401);
        assertEquals(List.of(1, 2), client.get("/subjects/" + s + "/versions?deleted=true").ints());
        assertEquals(List.of(1, 2), client.get("/subjects/" + s + "/versions?deletedOnly=true").ints());
        assertEquals(List.of(-1, -2),
                client.get("/subjects/" + s + "/versions?deleted=true&deletedAsNegative=true").ints());
        client.get("/subjects/" + s + "/versions/1?deleted=true").fields("subject", "version", "id", "schema");
        assertEquals(List.of(1, 2), client.delete("/subjects/" + s + "?permanent=true").ints());
        client.delete("/subjects/" + s).error(404, 40401);
        client.delete("/subjects/" + s + "?permanent=true").error(404, 40401);
    }

    @Test
    void deleteVersion() {
        String s = subject("delv");
        register(s, avro("D"));
        register(s, avro("D", "b"));
        client.delete("/subjects/" + s + "/versions/1?permanent=true").error(404, 40407);
        client.delete("/subjects/" + s + "/versions/latest?permanent=true").error(404, 40407);
        client.delete("/subjects/" + s + "/versions/3").error(404, 40402);
        client.delete("/subjects/" + s + "/versions/x").error(422, 42202);
        client.delete("/subjects/nope-" + s + "/versions/1").error(404, 40401);
        JsonNode deleted = client.delete("/subjects/" + s + "/versions/latest").ok();
        assertTrue(deleted.isInt());
        assertEquals(2, deleted.asInt());
        client.delete("/subjects/" + s + "/versions/2").error(404, 40406);
        assertEquals(2, client.delete("/subjects/" + s + "/versions/2?permanent=true").ok().asInt());
        assertEquals(List.of(1), client.get("/subjects/" + s + "/versions?deleted=true").ints());
        assertEquals(1, client.delete("/subjects/" + s + "/versions/latest").ok().asInt());
        client.delete("/subjects/" + s + "/versions/latest").error(404, 40402);
    }

    @Test
    void referencesAndReferencedBy() {
        String base = subject("refbase");
        String user = subject("refuser");
        register(base, avro("Base"));
        String body = "{\"schema\":" + quoted(json("{'type':'record','name':'U','fields':[{'name':'b','type':'Base'}]}"))
                + ",\"references\":[{\"name\":\"Base\",\"subject\":\"" + base + "\",\"version\":1}]}";
        int userId = client.post("/subjects/" + user + "/versions", body).fields("id").get("id").asInt();
        JsonNode version = client.get("/subjects/" + user + "/versions/1")
                .fields("subject", "version", "id", "references", "schema");
        assertEquals(base, version.get("references").get(0).get("subject").asText());
        assertEquals(List.of(userId), client.get("/subjects/" + base + "/versions/1/referencedby").ints());
        client.get("/subjects/" + base + "/versions/9/referencedby").error(404, 40402);
        client.delete("/subjects/" + base + "/versions/1").error(422, 42206);
        client.delete("/subjects/" + base).error(422, 42206);
        client.delete("/subjects/" + user).ints();
        assertEquals(List.of(), client.get("/subjects/" + base + "/versions/1/referencedby").ints());
        assertFalse(client.delete("/subjects/" + base).ints().isEmpty());
    }

    @Test
    void compatibility() {
        String s = subject("compat");
        register(s, avro("C"));
        JsonNode ok = client.post("/compatibility/subjects/" + s + "/versions/latest", schemaBody(avro("C", "b")))
                .fields("is_compatible");
        assertTrue(ok.get("is_compatible").asBoolean());
        JsonNode verbose = client.post("/compatibility/subjects/" + s + "/versions?verbose=true",
                schemaBody(json("{'type':'record','name':'C','fields':[{'name':'a','type':'int'}]}")))
                .fields("is_compatible", "messages");
        assertFalse(verbose.get("is_compatible").asBoolean());
        client.post("/compatibility/subjects/" + s + "/versions/7", schemaBody(avro("C"))).error(404, 40402);
    }
}
