package io.registry.dev.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
