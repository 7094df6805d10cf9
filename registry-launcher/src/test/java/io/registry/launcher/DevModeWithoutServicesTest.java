package io.registry.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static io.registry.launcher.Schemas.fieldWithDefault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./registry dev} on a machine with only a JDK: no Postgres and no Redis answer at the configured addresses
 * (closed ports), so dev mode starts its embedded Postgres with its data in the dev data dir and runs without Redis;
 * a schema registered before a restart is still there after it.
 */
class DevModeWithoutServicesTest {

    @Test
    void servesWithEmbeddedPostgresAndNoRedisAndKeepsDataAcrossARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("registry-dev-alone");
        // As root the embedded Postgres runs as another user, which must be able to reach its data dir.
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        int httpPort = DevProcess.freePort();
        Map<String, String> env = Map.of(
                "REGISTRY_DATA_DIR", dataDir.toString(),
                "REGISTRY_KAFKA_PORT", Integer.toString(DevProcess.freePort()),
                "REGISTRY_PG_PORT", Integer.toString(DevProcess.freePort()),
                "REDIS_URI", "redis://127.0.0.1:" + DevProcess.freePort());
        String schema = avroRecord("Alone", field("a", "string"));
        int id;
        try {
            try (DevProcess dev = DevProcess.start(env, httpPort, "alone-1", 300)) {
                assertTrue(dev.output().contains("starting an embedded one"), dev.output());
                assertTrue(dev.output().contains("running without it"), dev.output());
                RegistryHttp http = new RegistryHttp(dev.baseUri);
                RegistryHttp.Answer registered = http.register("alone-value", schema);
                assertEquals(200, registered.status(), registered.raw());
                id = registered.body().path("id").asInt();
                assertEquals(schema, http.get("/subjects/alone-value/versions/1").body().path("schema").asText());
                RegistryHttp.Answer ready = http.get("/health/ready");
                assertEquals(200, ready.status(), ready.raw());
                assertEquals("DISABLED", ready.body().path("projections").path("redis").path("status").asText(),
                        ready.raw());
                assertEquals("UP", ready.body().path("projections").path("postgres").path("status").asText(),
                        ready.raw());
            }
            assertTrue(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION")), "Postgres data in data dir");
            try (DevProcess dev = DevProcess.start(env, httpPort, "alone-2", 300)) {
                RegistryHttp http = new RegistryHttp(dev.baseUri);
                RegistryHttp.Answer read = http.get("/subjects/alone-value/versions/1");
                assertEquals(200, read.status(), read.raw());
                assertEquals(id, read.body().path("id").asInt());
                assertEquals(schema, http.get("/schemas/ids/" + id).body().path("schema").asText());
                assertEquals(200, http.register("alone-value", avroRecord("Alone", field("a", "string"),
                        fieldWithDefault("b", "int", "0"))).status());
            }
        } finally {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
