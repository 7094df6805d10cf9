package io.registry.launcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.registry.launcher.contract.Client.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code /config…} and {@code /mode…}. Global settings are changed only inside {@link #globalSettings}, which
 * restores them, so the other tests see the defaults.
 */
class SettingsContractTest extends ContractBase {

    @Test
    void subjectConfig() {
        String s = subject("cfg");
        client.get("/config/" + s).error(404, 40408);
        assertEquals("BACKWARD", client.get("/config/" + s + "?defaultToGlobal=true")
                .fields("compatibilityLevel").get("compatibilityLevel").asText());
        assertEquals("FULL", client.put("/config/" + s, json("{'compatibility':'FULL'}"))
                .fields("compatibility").get("compatibility").asText());
        client.get("/config/" + s).fields("compatibilityLevel");
        client.put("/config/" + s, json("{'compatibility':'SIDEWAYS'}")).error(422, 42203);
        // Confluent's Config / ConfigUpdateRequest field order: alias, normalize, validateFields, compatibility…
        JsonNode both = client.put("/config/" + s, json("{'compatibility':'NONE','normalize':true}"))
                .fields("normalize", "compatibility");
        assertEquals(true, both.get("normalize").asBoolean());
        client.get("/config/" + s).fields("normalize", "compatibilityLevel");
        assertEquals("NONE", client.delete("/config/" + s).fields("compatibilityLevel")
                .get("compatibilityLevel").asText());
        client.delete("/config/" + s).error(404, 40401);
    }

    @Test
    void subjectMode() {
        String s = subject("mode");
        register(s, avro("M"));
        client.get("/mode/" + s).error(404, 40409);
        assertEquals("READWRITE", client.get("/mode/" + s + "?defaultToGlobal=true").fields("mode")
                .get("mode").asText());
        client.put("/mode/" + s, json("{'mode':'NOPE'}")).error(422, 42204);
        client.put("/mode/" + s, json("{'mode':'IMPORT'}")).error(422, 42205);
        assertEquals("IMPORT", client.put("/mode/" + s + "?force=true", json("{'mode':'IMPORT'}")).fields("mode")
                .get("mode").asText());
        assertEquals("READONLY", client.put("/mode/" + s, json("{'mode':'READONLY'}")).fields("mode")
                .get("mode").asText());
        client.post("/subjects/" + s + "/versions", schemaBody(avro("M", "b"))).error(422, 42205);
        client.delete("/subjects/" + s).error(422, 42205);
        assertEquals("READONLY", client.delete("/mode/" + s).fields("mode").get("mode").asText());
        client.delete("/mode/" + s).error(404, 40401);
    }

    /**
     * {@code defaultToGlobal} answers the setting in effect exactly as the sequencer resolves it: a subject of a named
     * context falls back to its context's scope {@code :.ctx:}, also after its own setting was deleted.
     */
    @Test
    void defaultToGlobalAnswersTheContextsSettingForItsSubjects() {
        String ctx = ":." + subject("sctx") + ":";
        String s = ctx + "a";
        client.put("/config/" + ctx, json("{'compatibility':'FORWARD','normalize':true}")).ok();
        client.put("/mode/" + ctx, json("{'mode':'IMPORT'}")).fields("mode");
        client.get("/config/" + s).error(404, 40408);
        client.get("/mode/" + s).error(404, 40409);
        JsonNode config = client.get("/config/" + s + "?defaultToGlobal=true").fields("normalize", "compatibilityLevel"); // Confluent's Config field order
        assertEquals("FORWARD", config.get("compatibilityLevel").asText());
        assertEquals("IMPORT", client.get("/mode/" + s + "?defaultToGlobal=true").fields("mode").get("mode").asText());

        client.put("/config/" + s, json("{'compatibility':'NONE'}")).ok();
        client.put("/mode/" + s, json("{'mode':'READWRITE'}")).ok();
        assertEquals("NONE", client.get("/config/" + s + "?defaultToGlobal=true").ok().get("compatibilityLevel")
                .asText());
        assertEquals("READWRITE", client.get("/mode/" + s + "?defaultToGlobal=true").ok().get("mode").asText());
        client.delete("/config/" + s).ok();
        client.delete("/mode/" + s).ok();
        client.get("/config/" + s).error(404, 40408);
        client.get("/mode/" + s).error(404, 40409);
        assertEquals("FORWARD", client.get("/config/" + s + "?defaultToGlobal=true").ok().get("compatibilityLevel")
                .asText());
        assertEquals("IMPORT", client.get("/mode/" + s + "?defaultToGlobal=true").ok().get("mode").asText());
        client.delete("/config/" + ctx).ok();
        client.delete("/mode/" + ctx).ok();
        assertEquals("BACKWARD", client.get("/config/" + s + "?defaultToGlobal=true").ok().get("compatibilityLevel")
                .asText());
        assertEquals("READWRITE", client.get("/mode/" + s + "?defaultToGlobal=true").ok().get("mode").asText());
    }

    @Test
    void importWithExplicitIdAndVersion() {
        String s = subject("imp");
        client.put("/mode/" + s, json("{'mode':'IMPORT'}")).fields("mode");
        JsonNode reg = client.post("/subjects/" + s + "/versions", "{\"schema\":" + Client.quoted(avro("Imp"))
                + ",\"id\":7000,\"version\":4}").fields("id");
        assertEquals(7000, reg.get("id").asInt());
        assertEquals(7000, client.get("/subjects/" + s + "/versions/4").ok().get("id").asInt());
        client.delete("/mode/" + s).fields("mode");
        client.post("/subjects/" + s + "/versions", "{\"schema\":" + Client.quoted(avro("Imp", "b"))
                + ",\"id\":7001}").error(422, 42205);
    }

    @Test
    void globalSettings() {
        assertEquals("BACKWARD", client.get("/config").fields("compatibilityLevel")
                .get("compatibilityLevel").asText());
        assertEquals("READWRITE", client.get("/mode").fields("mode").get("mode").asText());
        try {
            client.put("/config", json("{'compatibility':'FORWARD'}")).fields("compatibility");
            assertEquals("FORWARD", client.get("/config").ok().get("compatibilityLevel").asText());
            // Confluent's getMode/getModeInScope: a global READONLY_OVERRIDE is every subject's mode, own or not.
            String own = subject("ovr");
            client.put("/mode/" + own, json("{'mode':'READWRITE'}")).fields("mode");
            client.put("/mode", json("{'mode':'READONLY_OVERRIDE'}")).fields("mode");
            for (String path : List.of("/mode/" + own, "/mode/" + own + "?defaultToGlobal=true",
                    "/mode/" + subject("unset"), "/mode/" + subject("unset") + "?defaultToGlobal=true")) {
                assertEquals("READONLY_OVERRIDE", client.get(path).fields("mode").get("mode").asText(), path);
            }
            client.delete("/mode/" + own).fields("mode");
            client.put("/mode", json("{'mode':'READONLY'}")).fields("mode");
            String s = subject("ro");
            client.post("/subjects/" + s + "/versions", schemaBody(avro("G"))).error(422, 42205);
        } finally {
            // the mode first: a read-only registry refuses config deletes (42205)
            assertEquals("READONLY", client.delete("/mode").fields("mode").get("mode").asText());
            assertEquals("FORWARD", client.delete("/config").fields("compatibilityLevel")
                    .get("compatibilityLevel").asText());
        }
        assertEquals("BACKWARD", client.get("/config").ok().get("compatibilityLevel").asText());
        assertEquals("READWRITE", client.get("/mode").ok().get("mode").asText());
    }
}
