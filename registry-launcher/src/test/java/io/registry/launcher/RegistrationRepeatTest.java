package io.registry.launcher;

import io.registry.launcher.RegistryHttp.Answer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A registration's idempotent repeat (issue 11). The API node answers the exact text the log stores (what a
 * producer re-sends on every start) from the projection, without a command; any other spelling goes to the
 * sequencer, which parses it and answers the same id without appending to the log. A soft-deleted version does not
 * count: the same schema is registered again as a new version with its id, as Confluent does. Counted on the
 * stack's own topics: commands sent (API → sequencer) and log records appended.
 */
class RegistrationRepeatTest extends FullStackTest {
    /** Valid Avro, not as the registry stores it (spaces, a line break). */
    private static final String SPACED = "{ \"type\": \"record\", \"name\": \"Repeat\",\n  \"fields\": [ "
            + "{\"name\": \"a\", \"type\": \"string\"} ] }";

    @Test
    void theStoredTextIsAnsweredByTheApiNodeAnotherSpellingByTheSequencer() {
        String s = subject("repeat");
        int id = id(register(s, SPACED));
        String stored = storedText(s, 1);
        assertNotEquals(SPACED, stored, "the log keeps the canonical text");

        Counts before = counts();
        assertEquals(id, id(register(s, stored)));
        assertEquals(before, counts(), "no command, no log record");

        assertEquals(id, id(register(s, SPACED)));
        Counts after = counts();
        assertEquals(before.log(), after.log(), "no log record");
        assertTrue(after.commands() > before.commands(), "the sequencer decided");
        assertEquals("[1]", http.get("/subjects/" + s + "/versions").body().toString());
    }

    @Test
    void aSoftDeletedVersionIsRegisteredAgainAsANewVersionWithTheSameId() {
        String s = subject("repeat-deleted");
        int id = id(register(s, SPACED));
        String stored = storedText(s, 1);
        Answer deleted = http.delete("/subjects/" + s + "/versions/1");
        assertEquals(200, deleted.status(), deleted.raw());

        Counts before = counts();
        assertEquals(id, id(register(s, stored)));
        Counts after = counts();
        assertTrue(after.log() > before.log(), "a new version appended");
        assertTrue(after.commands() > before.commands(), "the sequencer decided");
        assertEquals("[2]", http.get("/subjects/" + s + "/versions").body().toString());

        // and the new version is the one a further repeat finds, on the API node
        Counts again = counts();
        assertEquals(id, id(register(s, stored)));
        assertEquals(again, counts());
    }

    @Test
    void anInvalidSchemaIsRejectedByTheSequencer() {
        String s = subject("repeat-invalid");
        Counts before = counts();
        Answer bad = register(s, "{\"type\":\"record\",\"name\":\"Bad\",\"fields\":[{\"name\":\"a\"}]}");
        assertEquals(422, bad.status(), bad.raw());
        assertEquals(42201, bad.body().get("error_code").asInt(), bad.raw());
        Counts after = counts();
        assertTrue(after.commands() > before.commands(), "the API node does not parse");
        assertEquals(before.log(), after.log());
        assertEquals(404, http.get("/subjects/" + s + "/versions").status());
    }

    private static Answer register(String subject, String schema) {
        return http.post("/subjects/" + subject + "/versions", Map.of("schema", schema));
    }

    private static int id(Answer a) {
        assertEquals(200, a.status(), a.raw());
        return a.body().get("id").asInt();
    }

    private static String storedText(String subject, int version) {
        Answer raw = http.get("/subjects/" + subject + "/versions/" + version + "/schema");
        assertEquals(200, raw.status(), raw.raw());
        return raw.raw();
    }

    /** End offsets of the stack's commands topic and log, every partition. */
    record Counts(long commands, long log) {
    }

    private static Counts counts() {
        return new Counts(endOffsets(stack.properties().get("registry.topics.commands").toString()),
                endOffsets(stack.logTopic));
    }

    private static long endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream()
                    .mapToLong(Long::longValue).sum();
        }
    }
}
