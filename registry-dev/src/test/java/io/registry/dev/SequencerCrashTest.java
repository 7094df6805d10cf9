package io.registry.dev;

import io.registry.core.log.LogEvent;
import io.registry.core.log.LogRecordCodec;
import io.registry.core.log.LogValue;
import io.registry.dev.RegistryHttp.Answer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.registry.dev.Schemas.avroRecord;
import static io.registry.dev.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sequencer is killed (SIGKILL) in the middle of 200 concurrent registrations and a new one takes over.
 * Every acknowledged registration must be on the log exactly once, and no id may be given to two schemas.
 */
class SequencerCrashTest {
    private static final int REGISTRATIONS = 200;
    private static final int SUBJECTS = 4;

    @Test
    void killMidWriteLosesNothingAcknowledgedAndNeverReusesAnId() throws Exception {
        Map<String, Object> apiOnly = Map.of(
                "registry.sequencer.enabled", false,
                // Long enough to ride out the takeover (session expiry plus the dead transaction's abort).
                "registry.api.sequencer-timeout", "60s",
                "registry.api.projection-timeout", "30s");
        try (RegistryStack stack = RegistryStack.start(apiOnly)) {
            Map<String, Object> sequencerProps = new HashMap<>(stack.properties());
            sequencerProps.put("registry.sequencer.enabled", true);
            sequencerProps.put("registry.projector.enabled", false);
            sequencerProps.put("flyway.datasources.default.enabled", false);
            sequencerProps.remove("micronaut.server.port");

            SequencerProcess first = SequencerProcess.start(withStateDir(sequencerProps, stack, "a"), "first-" + stack.id);
            for (int s = 0; s < SUBJECTS; s++) {
                assertEquals(200, stack.http.put("/config/crash-" + s, Map.of("compatibility", "NONE")).status());
            }

            Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger answered = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(32);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < REGISTRATIONS; i++) {
                int n = i;
                calls.add(clients.submit(() -> {
                    String schema = avroRecord("Crash" + n, field("f" + n, "string"));
                    Answer a = stack.http.register("crash-" + (n % SUBJECTS), schema);
                    if (a.status() == 200) {
                        acknowledged.put(n % SUBJECTS + "|" + schema, a.body().get("id").asInt());
                    }
                    answered.incrementAndGet();
                }));
            }
            // Kill once the writes are well under way, then bring up a replacement (fresh local state, as on
            // another machine: it restores the index from its changelog).
            long deadline = System.currentTimeMillis() + 60_000;
            while (acknowledged.size() < 40 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(acknowledged.size() >= 40, "registrations did not get going: " + acknowledged.size());
            first.kill();
            int ackedAtKill = acknowledged.size();
            try (SequencerProcess second = SequencerProcess.start(withStateDir(sequencerProps, stack, "b"),
                    "second-" + stack.id)) {
                for (Future<?> call : calls) {
                    call.get(180, TimeUnit.SECONDS);
                }
                clients.shutdown();
                System.out.printf("sequencer killed after %d acknowledged registrations; %d acknowledged in all%n",
                        ackedAtKill, acknowledged.size());
                assertTrue(ackedAtKill < REGISTRATIONS, "the kill came too late to test anything");
                assertTrue(acknowledged.size() > ackedAtKill, "the replacement sequencer answered nothing");

                verifyLog(stack, acknowledged);
                verifyApi(stack, acknowledged);
            }
        }
    }

    private static Map<String, Object> withStateDir(Map<String, Object> props, RegistryStack stack, String suffix) {
        Map<String, Object> copy = new HashMap<>(props);
        copy.put("registry.sequencer.state-dir", stack.stateDir.resolve(suffix).toString());
        return copy;
    }

    /** The log itself: one id per content, each acknowledged schema exactly once in its subject. */
    private static void verifyLog(RegistryStack stack, Map<String, Integer> acknowledged) {
        Map<Integer, String> contentById = new HashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(stack.logTopic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    LogEvent e = LogRecordCodec.decode(r.key(), r.value());
                    if (e.value() instanceof LogValue.SchemaValue v) {
                        String previous = contentById.putIfAbsent(v.id(), v.schema());
                        assertTrue(previous == null || previous.equals(v.schema()),
                                "id " + v.id() + " given to two different schemas");
                        String subjectIndex = v.subject().substring("crash-".length());
                        occurrences.merge(subjectIndex + "|" + v.schema(), 1, Integer::sum);
                    }
                }
            }
        }
        for (var ack : acknowledged.entrySet()) {
            assertEquals(1, occurrences.getOrDefault(ack.getKey(), 0), "acknowledged once on the log: " + ack.getKey());
            assertEquals(ack.getKey().substring(ack.getKey().indexOf('|') + 1), contentById.get(ack.getValue()),
                    "the acknowledged id holds the acknowledged schema");
        }
        assertTrue(occurrences.values().stream().allMatch(n -> n == 1), "no schema registered twice in a subject");
    }

    /** The API (projections) agrees with the log. */
    private static void verifyApi(RegistryStack stack, Map<String, Integer> acknowledged) {
        Set<Integer> ids = new HashSet<>();
        for (int s = 0; s < SUBJECTS; s++) {
            Answer versions = stack.http.get("/subjects/crash-" + s + "/versions");
            assertEquals(200, versions.status(), versions.raw());
            int expectedVersion = 1;
            for (var v : versions.body()) {
                assertEquals(expectedVersion++, v.asInt(), "versions are gap-free");
                Answer version = stack.http.get("/subjects/crash-" + s + "/versions/" + v.asInt());
                assertTrue(ids.add(version.body().get("id").asInt()), "id listed twice");
            }
        }
        for (var ack : acknowledged.entrySet()) {
            Answer byId = stack.http.get("/schemas/ids/" + ack.getValue());
            assertEquals(200, byId.status());
            assertEquals(ack.getKey().substring(ack.getKey().indexOf('|') + 1), byId.body().get("schema").asText());
        }
    }
}
