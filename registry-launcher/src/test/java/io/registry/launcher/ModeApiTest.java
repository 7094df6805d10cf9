package io.registry.launcher;

import io.registry.launcher.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Modes and config deletes end to end. Global-mode changes all happen in one test, which restores READWRITE. */
class ModeApiTest extends FullStackTest {
    private static void expectError(Answer a, int status, int errorCode) {
        assertEquals(status, a.status(), a.raw());
        assertEquals(errorCode, a.errorCode(), a.raw());
    }

    private static void expectMode(Answer a, String mode) {
        assertEquals(200, a.status(), a.raw());
        assertEquals(mode, a.body().get("mode").asText(), a.raw());
    }

    @Test
    void subjectModes() {
        String s = subject("mode");
        assertEquals(200, http.register(s, avroRecord("M", field("a", "string"))).status());
        expectError(http.get("/mode/" + s), 404, 40409);
        expectMode(http.get("/mode/" + s + "?defaultToGlobal=true"), "READWRITE");
        expectError(http.put("/mode/" + s, Map.of("mode", "BOGUS")), 422, 42204);

        expectMode(http.put("/mode/" + s, Map.of("mode", "READONLY")), "READONLY");
        expectMode(http.get("/mode/" + s), "READONLY");
        expectError(http.register(s, avroRecord("M", field("a", "string"), field("b", "string"))), 422, 42205);
        expectError(http.delete("/subjects/" + s + "/versions/1"), 422, 42205);
        expectError(http.delete("/subjects/" + s), 422, 42205);

        expectMode(http.delete("/mode/" + s), "READONLY");
        expectError(http.get("/mode/" + s), 404, 40409);
        expectError(http.delete("/mode/" + s), 404, 40401);
        assertEquals(200, http.delete("/subjects/" + s).status());
    }

    @Test
    void importModeWithExplicitIdAndVersion() {
        String s = subject("import");
        expectMode(http.put("/mode/" + s, Map.of("mode", "IMPORT")), "IMPORT");
        Answer imported = http.post("/subjects/" + s + "/versions",
                Map.of("schema", avroRecord("Imp", field("a", "string")), "id", 5000, "version", 7));
        assertEquals(200, imported.status(), imported.raw());
        assertEquals(5000, imported.body().get("id").asInt());
        Answer v7 = http.get("/subjects/" + s + "/versions/7");
        assertEquals(200, v7.status(), v7.raw());
        assertEquals(5000, v7.body().get("id").asInt());
        assertEquals(200, http.get("/schemas/ids/5000").status());

        String other = subject("other");
        expectMode(http.put("/mode/" + s, Map.of("mode", "IMPORT")), "IMPORT");
        String existing = subject("existing");
        assertEquals(200, http.register(existing, avroRecord("E", field("a", "string"))).status());
        expectError(http.put("/mode/" + existing, Map.of("mode", "IMPORT")), 422, 42205);
        expectMode(http.put("/mode/" + existing + "?force=true", Map.of("mode", "IMPORT")), "IMPORT");
        expectMode(http.delete("/mode/" + existing), "IMPORT");

        expectMode(http.put("/mode/" + s, Map.of("mode", "READWRITE")), "READWRITE");
        expectError(http.post("/subjects/" + other + "/versions",
                Map.of("schema", avroRecord("O", field("a", "string")), "id", 6000)), 422, 42205);
        Answer fresh = http.register(other, avroRecord("O", field("a", "string")));
        assertEquals(200, fresh.status(), fresh.raw());
        org.junit.jupiter.api.Assertions.assertTrue(fresh.body().get("id").asInt() > 5000,
                "ids continue after the largest imported one: " + fresh.raw());
    }

    @Test
    void globalModesAndConfigDeletes() {
        String s = subject("glob");
        assertEquals(200, http.register(s, avroRecord("G", field("a", "string"))).status());
        expectMode(http.get("/mode"), "READWRITE");
        expectError(http.put("/mode", Map.of("mode", "IMPORT")), 422, 42205);
        try {
            expectMode(http.put("/mode", Map.of("mode", "READONLY_OVERRIDE")), "READONLY_OVERRIDE");
            expectMode(http.put("/mode/" + s, Map.of("mode", "READWRITE")), "READWRITE");
            expectError(http.register(s, avroRecord("G", field("a", "string"), field("b", "string"))), 422, 42205);
            expectMode(http.put("/mode", Map.of("mode", "READONLY")), "READONLY");
            Answer subjectOverrides = http.register(s + "-x", avroRecord("G", field("a", "string")));
            expectError(subjectOverrides, 422, 42205);
        } finally {
            expectMode(http.delete("/mode"), "READONLY");
        }
        expectMode(http.get("/mode"), "READWRITE");
        expectMode(http.delete("/mode/" + s), "READWRITE");

        assertEquals(200, http.put("/config/" + s, Map.of("compatibility", "NONE")).status());
        Answer deleted = http.delete("/config/" + s);
        assertEquals(200, deleted.status(), deleted.raw());
        assertEquals("NONE", deleted.body().get("compatibilityLevel").asText());
        expectError(http.get("/config/" + s), 404, 40408);
        expectError(http.delete("/config/" + s), 404, 40401);

        assertEquals(200, http.put("/config", Map.of("compatibility", "FULL")).status());
        Answer global = http.delete("/config");
        assertEquals(200, global.status(), global.raw());
        assertEquals("FULL", global.body().get("compatibilityLevel").asText());
        assertEquals("BACKWARD", http.get("/config").body().get("compatibilityLevel").asText());
    }
}
