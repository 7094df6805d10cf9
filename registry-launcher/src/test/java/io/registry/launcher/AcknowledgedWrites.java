package io.registry.launcher;

import io.registry.core.log.LogEvent;
import io.registry.core.log.LogHeaders;
import io.registry.core.log.LogRecordCodec;
import io.registry.core.log.LogValue;
import io.registry.launcher.RegistryHttp.Answer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registrations a client saw acknowledged (200 with an id) during a failure test, and the invariants checked
 * after recovery: each one is on the committed log exactly once under its id, no id was given to two schemas,
 * every subject's versions are 1..n without gaps, sequence numbers only grow, and the API (projections) agrees.
 */
final class AcknowledgedWrites {
    record Registration(String subject, String schema) {
    }

    private final Map<Registration, Integer> ids = new ConcurrentHashMap<>();
    /** The highest {@code X-Registry-Seq} acknowledged: the API is checked once its projections got there. */
    private final AtomicLong maxSeq = new AtomicLong();

    /** Records {@code answer} if it acknowledged the registration; a second acknowledgement must repeat the id. */
    boolean record(String subject, String schema, Answer answer) {
        if (answer.status() != 200) {
            return false;
        }
        int id = answer.body().get("id").asInt();
        String seq = answer.header("X-Registry-Seq");
        if (seq != null) {
            maxSeq.accumulateAndGet(Long.parseLong(seq), Math::max);
        }
        Integer earlier = ids.putIfAbsent(new Registration(subject, schema), id);
        assertTrue(earlier == null || earlier == id, "a repeated registration got another id: " + earlier + " then " + id);
        return true;
    }

    int size() {
        return ids.size();
    }

    Set<String> subjects() {
        Set<String> subjects = new TreeSet<>();
        ids.keySet().forEach(r -> subjects.add(r.subject()));
        return subjects;
    }

    /** Checks the committed log of {@code logTopic} (read to its end); returns the schema records checked. */
    int verifyLog(String bootstrapServers, String logTopic) {
        Map<Integer, String> schemaById = new HashMap<>();
        Map<Registration, Integer> occurrences = new HashMap<>();
        Map<String, Set<Integer>> versions = new HashMap<>();
        long lastSeq = Long.MIN_VALUE;
        List<ConsumerRecord<byte[], byte[]>> records = committedLog(bootstrapServers, logTopic);
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Header seq = r.headers().lastHeader(LogHeaders.SEQ);
            if (seq != null) {
                long s = LogHeaders.decodeLong(seq.value());
                assertTrue(s > lastSeq, "sequence numbers only grow on the log: " + s + " after " + lastSeq
                        + " at offset " + r.offset());
                lastSeq = s;
            }
            LogEvent e = LogRecordCodec.decode(r.key(), r.value());
            if (e.value() instanceof LogValue.SchemaValue v) {
                String previous = schemaById.putIfAbsent(v.id(), v.schema());
                assertTrue(previous == null || previous.equals(v.schema()), "id " + v.id() + " given to two schemas");
                occurrences.merge(new Registration(v.subject(), v.schema()), 1, Integer::sum);
                assertTrue(versions.computeIfAbsent(v.subject(), s -> new HashSet<>()).add(v.version()),
                        "version " + v.version() + " of " + v.subject() + " written twice");
            }
        }
        for (var ack : ids.entrySet()) {
            assertEquals(1, occurrences.getOrDefault(ack.getKey(), 0), "acknowledged once on the log: " + ack.getKey());
            assertEquals(ack.getKey().schema(), schemaById.get(ack.getValue()), "the acknowledged id holds its schema");
        }
        occurrences.forEach((registration, n) -> assertEquals(1, n, "registered twice: " + registration));
        for (String subject : subjects()) {
            Set<Integer> written = versions.getOrDefault(subject, Set.of());
            assertEquals(new TreeSet<>(IntStream.rangeClosed(1, written.size()).boxed().toList()), new TreeSet<>(written),
                    "versions of " + subject + " are gap-free on the log");
        }
        return occurrences.size();
    }

    /** The API answers every acknowledged id with its schema, and lists gap-free versions holding distinct ids. */
    void verifyApi(RegistryHttp http) {
        // A write may have been acknowledged before its projection (X-Registry-Projection: pending).
        long deadline = System.currentTimeMillis() + 60_000;
        Answer fresh;
        do {
            fresh = http.get("/subjects", Map.of("X-Registry-Min-Seq", Long.toString(maxSeq.get())));
        } while (fresh.status() != 200 && System.currentTimeMillis() < deadline);
        assertEquals(200, fresh.status(), "projections did not reach seq " + maxSeq.get() + ": " + fresh.raw());
        for (String subject : subjects()) {
            Answer listed = http.get("/subjects/" + subject + "/versions");
            assertEquals(200, listed.status(), listed.raw());
            Set<Integer> subjectIds = new HashSet<>();
            int expected = 1;
            for (var v : listed.body()) {
                assertEquals(expected++, v.asInt(), "versions of " + subject + " are gap-free: " + listed.raw());
                Answer version = http.get("/subjects/" + subject + "/versions/" + v.asInt());
                assertEquals(200, version.status(), version.raw());
                assertTrue(subjectIds.add(version.body().get("id").asInt()), "id listed twice in " + subject);
            }
        }
        for (var ack : ids.entrySet()) {
            Answer byId = http.get("/schemas/ids/" + ack.getValue());
            assertEquals(200, byId.status(), "acknowledged id " + ack.getValue() + ": " + byId.raw());
            assertEquals(ack.getKey().schema(), byId.body().get("schema").asText());
        }
    }

    /** Every committed record of a single-partition topic, read to its end (bounded: 60 s). */
    static List<ConsumerRecord<byte[], byte[]>> committedLog(String bootstrapServers, String topic) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            Long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
            assertNotNull(end, "no end offset for " + topic);
            long deadline = System.currentTimeMillis() + 60_000;
            while (consumer.position(tp, Duration.ofSeconds(30)) < end) {
                assertTrue(System.currentTimeMillis() < deadline, "could not read " + topic + " to offset " + end);
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }
}
