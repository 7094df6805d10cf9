package io.registry.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.log.ImportPlan;
import io.registry.launcher.backup.LogExport;
import io.registry.launcher.backup.LogImport;
import io.registry.launcher.backup.RegistryClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static io.registry.launcher.Schemas.fieldWithDefault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code registry export} then {@code registry import} into a fresh, empty registry gives the same registry as
 * clients see it (every id, version, schema, config and mode); a hand-written Confluent {@code _schemas} dump
 * imports to the subjects and ids it says.
 */
class BackupRestoreTest {

    @Test
    void exportThenImportIntoAnEmptyRegistryReproducesEveryAnswer() throws Exception {
        Path file = Files.createTempFile("registry-export", ".jsonl");
        Map<String, String> before;
        try (RegistryStack source = RegistryStack.start()) {
            RegistryHttp http = source.http;
            ok(http.put("/config", Map.of("compatibility", "NONE")));
            ok(http.register("orders-value", avroRecord("Order", field("id", "string"))));
            ok(http.register("orders-value", avroRecord("Order", field("id", "string"), fieldWithDefault("n", "int", "0"))));
            ok(http.register("orders-value", avroRecord("Order", field("id", "string"), fieldWithDefault("m", "int", "1"))));
            ok(http.register("users-value", avroRecord("User", field("name", "string"))));
            ok(http.register("users-value", avroRecord("User", field("name", "string"), fieldWithDefault("age", "int", "0"))));
            ok(http.register(":.team:events-value", avroRecord("Event", field("at", "long"))));
            ok(http.register(":.team:events-value", avroRecord("Event", field("at", "long"), fieldWithDefault("k", "string", "\"\""))));
            ok(http.register("gone-value", avroRecord("Gone", field("x", "int"))));
            ok(http.post("/subjects/ref-value/versions", Map.of("schema", avroRecord("Ref", field("u", "User")),
                    "references", List.of(Map.of("name", "User", "subject", "users-value", "version", 1)))));
            ok(http.register("json-value", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}", "JSON"));
            ok(http.delete("/subjects/orders-value/versions/2"));
            ok(http.delete("/subjects/gone-value"));
            ok(http.delete("/subjects/gone-value?permanent=true"));
            ok(http.delete("/subjects/json-value"));
            ok(http.put("/config/orders-value", Map.of("compatibility", "FULL", "normalize", true,
                    "validateFields", true, "compatibilityGroup", "app.major",
                    "defaultMetadata", Map.of("properties", Map.of("owner", "team-a")))));
            ok(http.put("/config/:.team:", Map.of("compatibility", "BACKWARD_TRANSITIVE")));
            ok(http.put("/mode/users-value", Map.of("mode", "READONLY")));
            before = answers(http);
            int written = new LogExport(source.bootstrapServers(), source.logTopic).writeTo(file);
            assertTrue(written > 10, "records exported: " + written);
        }
        try (RegistryStack target = RegistryStack.start()) {
            LogImport importer = new LogImport(new RegistryClient(target.baseUri()), quiet());
            assertEquals(List.of(), importer.existingSubjects());
            LogImport.Result result = importer.apply(ImportPlan.of(LogImport.read(file)));
            assertEquals(List.of(), result.problems());
            assertEquals(before, answers(target.http));
            // dry run against the restored registry: everything exists with the same ids
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            new LogImport(new RegistryClient(target.baseUri()), new PrintStream(printed, true, StandardCharsets.UTF_8))
                    .dryRun(ImportPlan.of(LogImport.read(file)));
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains("0 versions to create"), printed.toString());
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains("0 there differently"), printed.toString());
        }
    }

    @Test
    void importsAConfluentConsoleConsumerDump() throws Exception {
        String user = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"U\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\"}]}";
        String user2 = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"U\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\"},"
                + "{\\\"name\\\":\\\"b\\\",\\\"type\\\":\\\"int\\\",\\\"default\\\":0}]}";
        Path dump = Files.createTempFile("confluent-dump", ".txt");
        Files.writeString(dump, String.join("\n",
                "{\"keytype\":\"NOOP\",\"magic\":0}\tnull",
                // legacy key order (magic first), ids with gaps, the same schema in two subjects
                "{\"magic\":1,\"keytype\":\"SCHEMA\",\"subject\":\"u-value\",\"version\":1}\t{\"subject\":\"u-value\","
                        + "\"version\":1,\"id\":100,\"schema\":\"" + user + "\",\"deleted\":false}",
                "{\"magic\":1,\"keytype\":\"SCHEMA\",\"subject\":\"u-value\",\"version\":3}\t{\"subject\":\"u-value\","
                        + "\"version\":3,\"id\":205,\"schema\":\"" + user2 + "\",\"deleted\":false}",
                "{\"magic\":1,\"keytype\":\"SCHEMA\",\"subject\":\"copy-value\",\"version\":1}\t{\"subject\":\"copy-value\","
                        + "\"version\":1,\"id\":100,\"schema\":\"" + user + "\",\"deleted\":false}",
                "{\"keytype\":\"SCHEMA\",\"subject\":\"old-value\",\"version\":1,\"magic\":1}\t{\"subject\":\"old-value\","
                        + "\"version\":1,\"id\":150,\"schema\":\"\\\"string\\\"\",\"deleted\":false}",
                "{\"keytype\":\"SCHEMA\",\"subject\":\"tomb-value\",\"version\":1,\"magic\":1}\t{\"subject\":\"tomb-value\","
                        + "\"version\":1,\"id\":160,\"schema\":\"\\\"int\\\"\",\"deleted\":false}",
                "{\"keytype\":\"SCHEMA\",\"subject\":\"tomb-value\",\"version\":1,\"magic\":1}\tnull",
                "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"old-value\",\"magic\":0}\t{\"subject\":\"old-value\",\"version\":1}",
                "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}\t{\"compatibilityLevel\":\"FORWARD\"}",
                "{\"magic\":0,\"keytype\":\"CONFIG\",\"subject\":\"u-value\"}\t{\"compatibilityLevel\":\"NONE\"}",
                "{\"keytype\":\"MODE\",\"subject\":\"copy-value\",\"magic\":0}\t{\"mode\":\"READONLY\"}",
                ""));
        try (RegistryStack target = RegistryStack.start()) {
            LogImport.Result result = new LogImport(new RegistryClient(target.baseUri()), quiet())
                    .apply(ImportPlan.of(LogImport.read(dump)));
            assertEquals(List.of(), result.problems());
            RegistryHttp http = target.http;
            assertEquals("[\"copy-value\",\"u-value\"]", http.get("/subjects").raw());
            assertEquals("[\"copy-value\",\"old-value\",\"u-value\"]", http.get("/subjects?deleted=true").raw());
            assertEquals("[1,3]", http.get("/subjects/u-value/versions").raw());
            assertEquals(100, http.get("/subjects/u-value/versions/1").body().path("id").asInt());
            assertEquals(205, http.get("/subjects/u-value/versions/3").body().path("id").asInt());
            assertEquals(100, http.get("/subjects/copy-value/versions/1").body().path("id").asInt());
            assertEquals(150, http.get("/subjects/old-value/versions/1?deleted=true").body().path("id").asInt());
            assertEquals(404, http.get("/subjects/tomb-value/versions/1?deleted=true").status());
            assertEquals("FORWARD", http.get("/config").body().path("compatibilityLevel").asText());
            assertEquals("NONE", http.get("/config/u-value").body().path("compatibilityLevel").asText());
            assertEquals("READONLY", http.get("/mode/copy-value").body().path("mode").asText());
            assertEquals("READWRITE", http.get("/mode").body().path("mode").asText());
            // a second import is refused: the target is not empty any more
            assertTrue(!new LogImport(new RegistryClient(target.baseUri()), quiet()).existingSubjects().isEmpty());
        }
    }

    /** What clients see: every subject of every context, its versions, schemas by id, configs and modes. */
    private static Map<String, String> answers(RegistryHttp http) {
        Map<String, String> out = new TreeMap<>(RegistrySnapshot.api(http));
        out.put("/mode", http.get("/mode").raw());
        out.put("/contexts", http.get("/contexts").raw());
        out.put("/subjects (live)", http.get("/subjects").raw());
        for (JsonNode s : http.get("/subjects?deleted=true").body()) {
            out.put(s.asText() + "/mode", http.get("/mode/" + s.asText()).raw());
            out.put(s.asText() + "/versions (live)", http.get("/subjects/" + s.asText() + "/versions").raw());
        }
        out.put(":.team:/config", http.get("/config/:.team:").raw());
        return out;
    }

    private static void ok(RegistryHttp.Answer answer) {
        assertEquals(200, answer.status(), answer.raw());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
