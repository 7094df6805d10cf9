package io.registry.launcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.registry.launcher.contract.Client.json;
import static io.registry.launcher.contract.Client.quoted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Confluent's write rules beyond plain registration (issue 9): IMPORT mode, read-only modes and configs, subject
 * aliases, reserved fields ({@code validateFields}) and compatibility groups. Global settings are changed only in
 * {@link #readOnlyRefusesConfigChanges}, which restores them.
 */
class WriteRulesContractTest extends ContractBase {

    private static String imported(String schema, Integer id, Integer version) {
        return "{\"schema\":" + quoted(schema) + (id == null ? "" : ",\"id\":" + id)
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    @Test
    void importMode() {
        String a = subject("impa");
        String b = subject("impb");
        client.put("/mode/" + a, json("{'mode':'IMPORT'}")).fields("mode");
        client.put("/mode/" + b, json("{'mode':'IMPORT'}")).fields("mode");

        // a version gap: version 5 with nothing before it
        assertEquals(8101, client.post("/subjects/" + a + "/versions", imported(avro("Gap"), 8101, 5))
                .fields("id").get("id").asInt());
        assertEquals(List.of(5), client.get("/subjects/" + a + "/versions").ints());
        // re-importing the same version with the same id and schema answers the registered schema
        JsonNode replay = client.post("/subjects/" + a + "/versions", imported(avro("Gap"), 8101, 5))
                .fields("id", "version", "schema");
        assertEquals(5, replay.get("version").asInt());
        // the same schema with the same id under another subject
        assertEquals(8101, client.post("/subjects/" + b + "/versions", imported(avro("Gap"), 8101, 1))
                .fields("id").get("id").asInt());
        // an id taken by another schema
        client.post("/subjects/" + b + "/versions", imported(avro("Other"), 8101, 2)).error(422, 42205);
        // IMPORT refuses a registration that names no id
        client.post("/subjects/" + b + "/versions", schemaBody(avro("NoId"))).error(422, 42205);

        // imported ids move the next id: a later normal registration never collides
        client.delete("/mode/" + a).fields("mode");
        String c = subject("impc");
        int next = register(c, avro("After"));
        assertTrue(next > 8101, "next id " + next + " after importing 8101");
        // outside IMPORT an explicit id is refused
        client.post("/subjects/" + a + "/versions", imported(avro("Gap", "x"), 8200, null)).error(422, 42205);
    }

    @Test
    void readOnlyRefusesConfigChanges() {
        String s = subject("ro");
        register(s, avro("Ro"));
        client.put("/config/" + s, json("{'compatibility':'FULL'}")).fields("compatibility");
        client.put("/mode/" + s, json("{'mode':'READONLY'}")).fields("mode");
        client.put("/config/" + s, json("{'compatibility':'NONE'}")).error(422, 42205);
        client.delete("/config/" + s).error(422, 42205);
        client.delete("/subjects/" + s + "/versions/1").error(422, 42205);
        // an already registered schema is still answered
        assertEquals(register(s, avro("Ro")), client.get("/subjects/" + s + "/versions/1").ok().get("id").asInt());
        client.put("/mode/" + s, json("{'mode':'READONLY_OVERRIDE'}")).fields("mode");
        client.put("/config/" + s, json("{'compatibility':'NONE'}")).error(422, 42205);
        client.delete("/mode/" + s).fields("mode");
        client.delete("/config/" + s).fields("compatibilityLevel");

        try {
            client.put("/mode", json("{'mode':'READONLY'}")).fields("mode");
            client.put("/config", json("{'compatibility':'NONE'}")).error(422, 42205);
            client.put("/config/" + s, json("{'compatibility':'NONE'}")).error(422, 42205);
        } finally {
            client.delete("/mode").fields("mode");
        }
        client.put("/config/" + s, json("{'compatibility':'NONE'}")).fields("compatibility");
    }

    @Test
    void subjectAliases() {
        String target = subject("target");
        String alias = subject("alias");
        int id = register(target, avro("Al"));
        assertEquals("target", client.put("/config/" + alias, json("{'alias':'" + target + "'}"))
                .fields("alias").get("alias").asText().substring(0, 6));
        assertEquals(target, client.get("/config/" + alias).fields("alias").get("alias").asText());

        assertEquals(List.of(1), client.get("/subjects/" + alias + "/versions").ints());
        JsonNode latest = client.get("/subjects/" + alias + "/versions/latest").ok();
        assertEquals(target, latest.get("subject").asText());
        assertEquals(id, latest.get("id").asInt());
        assertEquals(id, client.post("/subjects/" + alias, schemaBody(avro("Al"))).ok().get("id").asInt());
        assertEquals(true, client.post("/compatibility/subjects/" + alias + "/versions/latest",
                schemaBody(avro("Al", "b"))).ok().get("is_compatible").asBoolean());
        client.get("/schemas/ids/" + id + "?subject=" + alias).fields("schema");
        // a registration under the alias lands in the target
        register(alias, avro("Al", "b"));
        assertEquals(List.of(1, 2), client.get("/subjects/" + target + "/versions").ints());
    }

    @Test
    void reservedFields() {
        String s = subject("res");
        client.put("/config/" + s, json("{'validateFields':true}")).fields("validateFields");
        assertEquals(true, client.get("/config/" + s).fields("validateFields").get("validateFields").asBoolean());
        String reserved = ",\"metadata\":{\"properties\":{\"confluent:reserved\":\"legacy, old\"}}}";
        client.post("/subjects/" + s + "/versions", "{\"schema\":" + quoted(avro("Res")) + reserved).ok();
        // a reserved field present in the schema
        client.post("/subjects/" + s + "/versions", "{\"schema\":" + quoted(avro("Res", "legacy")) + reserved)
                .error(409, 409);
        // a reserved field dropped from the list
        client.post("/subjects/" + s + "/versions", "{\"schema\":" + quoted(avro("Res", "b"))
                + ",\"metadata\":{\"properties\":{\"confluent:reserved\":\"legacy\"}}}").error(409, 409);
        client.post("/subjects/" + s + "/versions", "{\"schema\":" + quoted(avro("Res", "b")) + reserved).ok();
    }

    @Test
    void compatibilityGroups() {
        String s = subject("grp");
        client.put("/config/" + s, json("{'compatibility':'BACKWARD','compatibilityGroup':'major'}"))
                .fields("compatibility", "compatibilityGroup");
        assertEquals("major", client.get("/config/" + s).fields("compatibilityLevel", "compatibilityGroup")
                .get("compatibilityGroup").asText());
        String v1 = Client.json("{'type':'record','name':'G','fields':[{'name':'a','type':'string'}]}");
        String v2 = Client.json("{'type':'record','name':'G','fields':[{'name':'b','type':'int'}]}");
        client.post("/subjects/" + s + "/versions", "{\"schema\":" + quoted(v1)
                + ",\"metadata\":{\"properties\":{\"major\":\"1\"}}}").ok();
        String v2InGroup2 = "{\"schema\":" + quoted(v2) + ",\"metadata\":{\"properties\":{\"major\":\"2\"}}}";
        String v2InGroup1 = "{\"schema\":" + quoted(v2) + ",\"metadata\":{\"properties\":{\"major\":\"1\"}}}";
        // the compatibility route selects versions like the registration does
        assertEquals(false, client.post("/compatibility/subjects/" + s + "/versions", v2InGroup1).ok()
                .get("is_compatible").asBoolean());
        assertEquals(true, client.post("/compatibility/subjects/" + s + "/versions", v2InGroup2).ok()
                .get("is_compatible").asBoolean());
        client.post("/subjects/" + s + "/versions", v2InGroup1).error(409, 409);
        client.post("/subjects/" + s + "/versions", v2InGroup2).ok();
    }
}
