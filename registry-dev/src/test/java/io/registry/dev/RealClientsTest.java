package io.registry.dev;

import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumReader;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumWriter;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.apache.flink.avro.shaded.org.apache.avro.io.BinaryEncoder;
import org.apache.flink.avro.shaded.org.apache.avro.io.DecoderFactory;
import org.apache.flink.avro.shaded.org.apache.avro.io.EncoderFactory;
import org.apache.flink.formats.avro.registry.confluent.ConfluentSchemaRegistryCoder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.registry.dev.RegistryHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.registry.dev.Schemas.avroRecord;
import static io.registry.dev.Schemas.field;
import static io.registry.dev.Schemas.fieldWithDefault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The third-party clients users run, unchanged, against a full stack: Confluent's Java client (7.5.3, as relocated
 * inside flink-sql-avro-confluent-registry), {@code @kafkajs/confluent-schema-registry} and
 * {@code @confluentinc/schemaregistry} ({@code clients/node}), and Confluent's Python client (Debian's
 * python3-confluent-kafka, {@code clients/python}). A missing client FAILS the test: its contract would go unchecked.
 */
class RealClientsTest {
    private static final long SCRIPT_TIMEOUT_SECONDS = 120;
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

    @Test
    void confluentJavaClient() throws Exception {
        String topic = unique("java");
        String subject = topic + "-value";
        String v1 = avroRecord("JavaUser", field("name", "string"), field("age", "int"));
        String v2 = avroRecord("JavaUser", field("name", "string"), field("age", "int"),
                fieldWithDefault("email", "string", "\"\""));
        String bad = avroRecord("JavaUser", field("name", "string"), field("age", "int"), field("email", "string"));

        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(url, 100);
        int id1 = client.register(subject, new AvroSchema(v1));
        assertTrue(id1 > 0);
        assertEquals(id1, new CachedSchemaRegistryClient(url, 100).register(subject, new AvroSchema(v1)));

        // by id: the client sends GET /schemas/ids/{id}?subject= (empty) — and with the subject, too
        CachedSchemaRegistryClient fresh = new CachedSchemaRegistryClient(url, 100);
        assertEquals(new AvroSchema(v1), fresh.getSchemaById(id1));
        assertEquals(new AvroSchema(v1), fresh.getSchemaBySubjectAndId(subject, id1));

        SchemaMetadata latest = new CachedSchemaRegistryClient(url, 100).getLatestSchemaMetadata(subject);
        assertEquals(id1, latest.getId());
        assertEquals(1, latest.getVersion());
        assertEquals(new AvroSchema(v1), new AvroSchema(latest.getSchema()));
        assertEquals(id1, new CachedSchemaRegistryClient(url, 100).getSchemaMetadata(subject, 1).getId());
        assertEquals(id1, new CachedSchemaRegistryClient(url, 100).getId(subject, new AvroSchema(v1)));
        assertEquals(1, new CachedSchemaRegistryClient(url, 100).getVersion(subject, new AvroSchema(v1)));
        assertEquals(List.of(1), client.getAllVersions(subject));
        assertTrue(client.getAllSubjects().contains(subject));

        assertTrue(client.testCompatibility(subject, new AvroSchema(v2)));
        assertFalse(client.testCompatibility(subject, new AvroSchema(bad)));
        assertFalse(client.testCompatibilityVerbose(subject, new AvroSchema(bad)).isEmpty());
        RestClientException refused = assertThrows(RestClientException.class,
                () -> client.register(subject, new AvroSchema(bad)));
        assertEquals(409, refused.getStatus(), refused.getMessage());

        assertEquals("FULL", client.updateCompatibility(subject, "FULL"));
        assertEquals("FULL", new CachedSchemaRegistryClient(url, 100).getCompatibility(subject));
        int id2 = client.register(subject, new AvroSchema(v2));
        assertNotEquals(id1, id2);
        assertEquals(id2, new CachedSchemaRegistryClient(url, 100).getLatestSchemaMetadata(subject).getId());

        // Serde through the registry: Flink's ConfluentSchemaRegistryCoder (Confluent wire format) over the client.
        Schema writer = new Schema.Parser().parse(v2);
        GenericRecord user = new GenericData.Record(writer);
        user.put("name", "Barbara");
        user.put("age", 84);
        user.put("email", "b@l.org");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ConfluentSchemaRegistryCoder(subject, new CachedSchemaRegistryClient(url, 100)).writeSchema(writer, out);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writer).write(user, encoder);
        encoder.flush();
        byte[] bytes = out.toByteArray();
        assertEquals(0, bytes[0], "magic byte");
        assertEquals(id2, ByteBuffer.wrap(bytes, 1, 4).getInt(), "schema id");

        InputStream in = new ByteArrayInputStream(bytes);
        Schema read = new ConfluentSchemaRegistryCoder(new CachedSchemaRegistryClient(url, 100)).readSchema(in);
        assertEquals(writer, read);
        GenericRecord back = new GenericDatumReader<GenericRecord>(read)
                .read(null, DecoderFactory.get().binaryDecoder(in, null));
        assertEquals(user.toString(), back.toString());
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
