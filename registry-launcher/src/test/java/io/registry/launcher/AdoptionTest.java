package io.registry.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.registry.launcher.RegistryHttp.Answer;
import io.registry.testkit.kafka.SharedTestKafka;
import io.registry.testkit.RedisKeyspace;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adopting a Confluent / Karapace {@code _schemas} topic: records written as those registries write them (no
 * registry headers; Confluent's canonical key order, Karapace's deprecated key order and spaced JSON; NOOP, global
 * and subject configs and modes, soft deletes by version and by subject, hard deletes as tombstones, CLEAR_SUBJECT,
 * a schema context, ids with gaps) go into a fresh log topic, then a whole stack starts on it. The sequencer's view
 * (re-registrations answer the adopted ids, new schemas get fresh ids) and both projections (the same answers from
 * an API node reading Redis first and from one whose Redis is empty, i.e. Postgres) must match the source log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdoptionTest {
    private static final String AVRO_USER = avro("User", "name");
    private static final String AVRO_USER_2 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\","
            + "\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}";
    private static final String AVRO_ORDER = avro("Order", "sku");
    private static final String AVRO_ORDER_2 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"sku\","
            + "\"type\":\"string\"},{\"name\":\"qty\",\"type\":\"int\",\"default\":1}]}";
    private static final String AVRO_GONE = avro("Gone", "g");
    private static final String AVRO_CLEARED = avro("Cleared", "c");
    private static final String AVRO_FROZEN = avro("Frozen", "f");
    private static final String AVRO_GAP = avro("Gap", "x");
    private static final String AVRO_CTX = avro("Ctx", "c");
    private static final String JSON_SCHEMA = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";

    private static RegistryStack stack;
    private static RegistryHttp http;
    private static ApplicationContext postgresOnlyNode;
    private static RedisKeyspace emptyRedis;
    private static RegistryHttp postgresHttp;

    @BeforeAll
    static void adoptDump() throws Exception {
        String topic = "_schemas_adopt_" + UUID.randomUUID().toString().substring(0, 8);
        String servers = SharedTestKafka.get().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String[] record : dump()) {
                producer.send(new ProducerRecord<>(topic, 0, bytes(record[0]), bytes(record[1])))
                        .get(30, TimeUnit.SECONDS);
            }
        }
        stack = RegistryStack.start(Map.of("registry.topics.log", topic));
        http = stack.http;

        // A second API node on the same Postgres database but an empty Redis prefix: it reads from Postgres.
        emptyRedis = RedisKeyspace.create();
        Map<String, Object> apiOnly = new HashMap<>(stack.properties());
        apiOnly.put("registry.topics.log", topic);
        apiOnly.put("registry.sequencer.enabled", false);
        apiOnly.put("registry.projector.enabled", false);
        apiOnly.put("registry.redis.key-prefix", emptyRedis.prefix());
        postgresOnlyNode = ApplicationContext.run(EmbeddedServer.class, apiOnly).getApplicationContext();
        postgresHttp = new RegistryHttp(postgresOnlyNode.getBean(EmbeddedServer.class).getURI());
        // the projections replay the adopted log after the start: wait for its last schema on both nodes
        for (RegistryHttp node : List.of(http, postgresHttp)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (node.get("/subjects/:.ctx:ctx-value/versions/1").status() != 200) {
                assertTrue(System.nanoTime() < deadline, "the adopted log was not projected within 90 s");
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (postgresOnlyNode != null) {
            postgresOnlyNode.close();
        }
        if (emptyRedis != null) {
            emptyRedis.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** The source log, in order: {key, value} as the bytes Confluent or Karapace wrote (value null = tombstone). */
    private static List<String[]> dump() {
        List<String[]> log = new ArrayList<>();
        // Confluent writes a NOOP at start to find the end of the log; its value is null
        log.add(new String[]{"{\"keytype\":\"NOOP\",\"magic\":0}", null});
        log.add(new String[]{"{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
                "{\"compatibilityLevel\":\"FULL\"}"});
        log.add(new String[]{"{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
                "{\"compatibilityLevel\":\"NONE\"}"}); // overwritten: the later one holds
        // users-value: Confluent's canonical key order; v2 soft-deleted then hard-deleted (tombstone)
        log.add(schema(canonical("users-value", 1), "users-value", 1, 1, AVRO_USER, null, false));
        log.add(schema(canonical("users-value", 2), "users-value", 2, 2, AVRO_USER_2, null, false));
        log.add(schema(canonical("users-value", 2), "users-value", 2, 2, AVRO_USER_2, null, true));
        log.add(new String[]{canonical("users-value", 2), null});
        log.add(new String[]{"{\"keytype\":\"CONFIG\",\"subject\":\"users-value\",\"magic\":0}",
                "{\"compatibilityLevel\":\"BACKWARD\"}"});
        // orders-value: Karapace's deprecated key order and spaced JSON; v2 soft-deleted
        log.add(schema("{\"subject\":\"orders-value\",\"version\":1,\"magic\":1,\"keytype\":\"SCHEMA\"}",
                "orders-value", 1, 3, AVRO_ORDER, null, false));
        String spacedKey = "{\"keytype\": \"SCHEMA\", \"subject\": \"orders-value\", \"version\": 2, \"magic\": 1}";
        log.add(schema(spacedKey, "orders-value", 2, 4, AVRO_ORDER_2, null, false));
        log.add(schema(spacedKey, "orders-value", 2, 4, AVRO_ORDER_2, null, true));
        // gone-value: soft-deleted subject (DELETE_SUBJECT)
        log.add(schema(canonical("gone-value", 1), "gone-value", 1, 5, AVRO_GONE, null, false));
        log.add(new String[]{"{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"gone-value\",\"magic\":0}",
                "{\"subject\":\"gone-value\",\"version\":1}"});
        // cleared-value: soft-deleted, then permanently (CLEAR_SUBJECT + tombstones)
        log.add(schema(canonical("cleared-value", 1), "cleared-value", 1, 6, AVRO_CLEARED, null, false));
        log.add(new String[]{"{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"cleared-value\",\"magic\":0}",
                "{\"subject\":\"cleared-value\",\"version\":1}"});
        log.add(new String[]{"{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\"cleared-value\",\"magic\":0}",
                "{\"subject\":\"cleared-value\"}"});
        log.add(new String[]{canonical("cleared-value", 1), null});
        // json-value: a JSON Schema
        log.add(schema(canonical("json-value", 1), "json-value", 1, 7, JSON_SCHEMA, "JSON", false));
        // frozen-value: a subject mode; a subject config set then removed (tombstone)
        log.add(schema(canonical("frozen-value", 1), "frozen-value", 1, 8, AVRO_FROZEN, null, false));
        log.add(new String[]{"{\"keytype\":\"MODE\",\"subject\":\"frozen-value\",\"magic\":0}", "{\"mode\":\"READONLY\"}"});
        log.add(new String[]{"{\"keytype\":\"CONFIG\",\"subject\":\"frozen-value\",\"magic\":0}",
                "{\"compatibilityLevel\":\"FORWARD\"}"});
        log.add(new String[]{"{\"keytype\":\"CONFIG\",\"subject\":\"frozen-value\",\"magic\":0}", null});
        // an id gap (9 unused), and a schema context with its own ids
        log.add(schema(canonical("gap-value", 1), "gap-value", 1, 10, AVRO_GAP, null, false));
        log.add(schema(canonical(":.ctx:ctx-value", 1), ":.ctx:ctx-value", 1, 1, AVRO_CTX, null, false));
        log.add(new String[]{"{\"keytype\":\"NOOP\",\"magic\":0}", null});
        return log;
    }

    @Test
    @Order(1)
    void subjectsVersionsAndIdsAreTheSourceLogs() {
        for (RegistryHttp node : List.of(http, postgresHttp)) {
            // no subjectPrefix = every context, as Confluent
            assertEquals(List.of(":.ctx:ctx-value", "frozen-value", "gap-value", "json-value", "orders-value",
                    "users-value"), sorted(node.get("/subjects").body()), "live subjects");
            assertEquals(List.of(":.ctx:ctx-value", "frozen-value", "gap-value", "gone-value", "json-value",
                    "orders-value", "users-value"), sorted(node.get("/subjects?deleted=true").body()),
                    "with soft-deleted ones");
            assertEquals(List.of(":.ctx:ctx-value"), sorted(node.get("/subjects?subjectPrefix=:.ctx:").body()));

            assertVersion(node, "users-value", 1, 1, AVRO_USER);
            assertEquals("[1]", node.get("/subjects/users-value/versions").body().toString());
            assertEquals("[1]", node.get("/subjects/users-value/versions?deleted=true").body().toString(),
                    "a hard-deleted version stays deleted");
            assertEquals(404, node.get("/subjects/users-value/versions/2?deleted=true").status());

            assertVersion(node, "orders-value", 1, 3, AVRO_ORDER);
            assertEquals("[1]", node.get("/subjects/orders-value/versions").body().toString());
            assertEquals("[1,2]", node.get("/subjects/orders-value/versions?deleted=true").body().toString());
            assertEquals(404, node.get("/subjects/orders-value/versions/2").status());
            Answer softDeleted = node.get("/subjects/orders-value/versions/2?deleted=true");
            assertEquals(200, softDeleted.status(), softDeleted.raw());
            assertEquals(4, softDeleted.body().path("id").asInt());

            assertEquals(404, node.get("/subjects/gone-value/versions").status());
            assertEquals("[1]", node.get("/subjects/gone-value/versions?deleted=true").body().toString());
            assertEquals(404, node.get("/subjects/cleared-value/versions?deleted=true").status(),
                    "CLEAR_SUBJECT + tombstones: gone for good");

            assertVersion(node, "json-value", 1, 7, JSON_SCHEMA);
            assertEquals("JSON", node.get("/subjects/json-value/versions/1").body().path("schemaType").asText());
            assertVersion(node, "gap-value", 1, 10, AVRO_GAP);
            Answer inContext = node.get("/schemas/ids/1?subject=:.ctx:ctx-value");
            assertEquals(200, inContext.status(), inContext.raw());
            assertTrue(sameJson(AVRO_CTX, inContext.body().path("schema").asText()));
            Answer byId = node.get("/schemas/ids/3");
            assertTrue(sameJson(AVRO_ORDER, byId.body().path("schema").asText()), byId.raw());

            assertEquals("NONE", node.get("/config").body().path("compatibilityLevel").asText());
            assertEquals("BACKWARD", node.get("/config/users-value").body().path("compatibilityLevel").asText());
            assertEquals(40408, node.get("/config/frozen-value").errorCode(), "a config tombstone removes it");
            assertEquals("READONLY", node.get("/mode/frozen-value").body().path("mode").asText());
        }
    }

    @Test
    @Order(2)
    void theSequencerKnowsTheAdoptedIdsAndAllocatesFreshOnes() {
        assertEquals(1, register("users-value", AVRO_USER), "re-registration answers the adopted id");
        assertEquals(3, register("orders-copy-value", AVRO_ORDER), "the same schema elsewhere keeps its id");
        assertEquals(42205, http.register("frozen-value", avro("Other", "o")).errorCode(),
                "the adopted READONLY mode holds");

        Set<Integer> adopted = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 10);
        int fresh = register("brand-new-value", avro("BrandNew", "b"));
        assertFalse(adopted.contains(fresh), "no collision with an adopted id: " + fresh);
        assertTrue(fresh > 10, "new ids come after the highest adopted one: " + fresh);
        int next = register("users-value", avro("User", "name") .replace("}]}",
                "},{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}]}"));
        assertTrue(next > fresh, "and keep increasing: " + next);
        int inContext = register(":.ctx:ctx-new-value", avro("CtxNew", "n"));
        assertEquals(2, inContext, "a context's ids continue from its own adopted ones");
    }

    private static int register(String subject, String schema) {
        Answer a = http.register(subject, schema);
        assertEquals(200, a.status(), subject + ": " + a.raw());
        return a.body().path("id").asInt();
    }

    private static void assertVersion(RegistryHttp node, String subject, int version, int id, String schema) {
        Answer a = node.get("/subjects/" + subject + "/versions/" + version);
        assertEquals(200, a.status(), subject + " v" + version + ": " + a.raw());
        assertEquals(id, a.body().path("id").asInt(), a.raw());
        assertEquals(version, a.body().path("version").asInt(), a.raw());
        assertTrue(sameJson(schema, a.body().path("schema").asText()), a.raw());
        Answer byId = node.get("/schemas/ids/" + id);
        assertEquals(200, byId.status(), byId.raw());
        assertTrue(sameJson(schema, byId.body().path("schema").asText()), byId.raw());
    }

    private static String canonical(String subject, int version) {
        return "{\"keytype\":\"SCHEMA\",\"subject\":" + RegistryHttp.json(textNode(subject)) + ",\"version\":" + version
                + ",\"magic\":1}";
    }

    private static String[] schema(String key, String subject, int version, int id, String schema, String type,
                                   boolean deleted) {
        StringBuilder value = new StringBuilder("{\"subject\":").append(RegistryHttp.json(textNode(subject)))
                .append(",\"version\":").append(version).append(",\"id\":").append(id);
        if (type != null) {
            value.append(",\"schemaType\":\"").append(type).append('"');
        }
        value.append(",\"schema\":").append(RegistryHttp.json(textNode(schema)))
                .append(",\"deleted\":").append(deleted).append('}');
        return new String[]{key, value.toString()};
    }

    private static JsonNode textNode(String text) {
        return RegistryHttp.JSON.getNodeFactory().textNode(text);
    }

    private static String avro(String name, String field) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"" + field
                + "\",\"type\":\"string\"}]}";
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> sorted(JsonNode array) {
        TreeSet<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return new ArrayList<>(out);
    }

    private static boolean sameJson(String a, String b) {
        try {
            return RegistryHttp.JSON.readTree(a).equals(RegistryHttp.JSON.readTree(b));
        } catch (Exception e) {
            return false;
        }
    }
}
