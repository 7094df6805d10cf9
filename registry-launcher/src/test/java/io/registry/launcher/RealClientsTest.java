package io.registry.launcher;

import io.micronaut.runtime.server.EmbeddedServer;
import io.registry.launcher.RegistryHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The third-party clients users run, unchanged, against a full stack: Confluent's Java client (7.5.3, as relocated
 * inside flink-sql-avro-confluent-registry), {@code @kafkajs/confluent-schema-registry} and
 * {@code @confluentinc/schemaregistry} ({@code clients/node}), and Confluent's Python client (Debian's
 * python3-confluent-kafka, {@code clients/python}). A missing client FAILS the test: its contract would go unchecked.
 */
class RealClientsTest {
    private static final long SCRIPT_TIMEOUT_SECONDS = 300; // every method of a client, on a shared CI machine
    private static final long NPM_CI_TIMEOUT_SECONDS = 600;

    private static RegistryStack stack;
    private static String url;
    private static Path root;

    @BeforeAll
    static void start() throws Exception {
        stack = RegistryStack.start();
        url = stack.context().getBean(EmbeddedServer.class).getURI().toString().replaceAll("/+$", "");
        root = repositoryRoot();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---------------------------------------------------------------- Confluent's Java client (in this JVM)

    /** Every public method of {@code CachedSchemaRegistryClient} that talks to the registry; Avro serde. */
    @Test
    void confluentJavaClient() {
        ClientChecks.runAll("java", new JavaClientChecks(url).checks());
    }

    /** Its {@code RestService}: JSON Schema and Protobuf, contexts, and the methods the cached client lacks. */
    @Test
    void confluentJavaRestService() {
        ClientChecks.runAll("java-rest", new RestServiceChecks(url).checks());
    }

    /**
     * Regression: a schema is found by id whichever subject is named (Confluent falls back to the id in the
     * subject's context), so deserializers that send their topic's subject read data registered elsewhere.
     */
    @Test
    void schemaByIdIgnoresTheSubjectLikeConfluent() {
        String subject = unique("by-id");
        Answer reg = stack.http.register(subject, avroRecord("ById", field("a", "string")));
        assertEquals(200, reg.status(), reg.raw());
        int id = reg.body().get("id").asInt();
        for (String query : List.of("", "?subject=", "?subject=" + subject, "?subject=" + unique("other"))) {
            Answer byId = stack.http.get("/schemas/ids/" + id + query);
            assertEquals(200, byId.status(), query + ": " + byId.raw());
            Answer raw = stack.http.get("/schemas/ids/" + id + "/schema" + query);
            assertEquals(200, raw.status(), query + ": " + raw.raw());
        }
        Answer missing = stack.http.get("/schemas/ids/" + (id + 100_000) + "?subject=" + subject);
        assertEquals(404, missing.status());
        assertEquals(40403, missing.errorCode());
    }

    // ---------------------------------------------------------------- npm clients (clients/node)

    @Test
    void kafkajsConfluentSchemaRegistry() throws Exception {
        runNode("kafkajs.js");
    }

    @Test
    void confluentincSchemaregistry() throws Exception {
        runNode("confluent.js");
    }

    private static void runNode(String script) throws Exception {
        Path dir = root.resolve("clients/node");
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            Result ci = run(dir, NPM_CI_TIMEOUT_SECONDS, "npm", "ci", "--no-audit", "--no-fund");
            assertEquals(0, ci.exit(), "npm ci in clients/node failed (the npm clients are required):\n" + ci.output());
        }
        Result r = run(dir, SCRIPT_TIMEOUT_SECONDS, "node", script, url);
        assertEquals(0, r.exit(), "node " + script + " against " + url + " failed:\n" + r.output());
        assertTrue(r.output().contains("checks passed"), r.output());
    }

    // ---------------------------------------------------------------- Confluent's Python client (clients/python)

    @Test
    void confluentKafkaPython() throws Exception {
        // Debian's python3-confluent-kafka installs for the system interpreter, not a pyenv one on PATH.
        assertTrue(new File("/usr/bin/python3").canExecute(), "/usr/bin/python3 is missing (see .ci/run)");
        Result r = run(root.resolve("clients/python"), SCRIPT_TIMEOUT_SECONDS, "/usr/bin/python3", "check.py", url);
        assertEquals(0, r.exit(), "clients/python/check.py against " + url + " failed:\n" + r.output());
        assertTrue(r.output().contains("checks passed"), r.output());
    }

    // ---------------------------------------------------------------- processes

    record Result(int exit, String output) {
    }

    /** Runs a command in {@code dir}, output (stdout and stderr) captured; fails the test past the timeout. */
    private static Result run(Path dir, long timeoutSeconds, String... command) throws Exception {
        Path log = Files.createTempFile("real-client", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("NO_COLOR", "1");
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                return fail(String.join(" ", command) + " could not start (is it installed?): " + e.getMessage());
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return fail(String.join(" ", command) + " timed out after " + timeoutSeconds + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Result result = new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            System.out.println("$ " + String.join(" ", command) + "  (exit " + result.exit() + ")\n" + result.output());
            return result;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("clients/node/package.json"))) {
                return d;
            }
        }
        throw new IllegalStateException("no clients/ directory above " + dir);
    }
}
