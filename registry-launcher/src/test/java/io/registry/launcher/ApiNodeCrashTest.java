package io.registry.launcher;

import io.registry.launcher.RegistryHttp.Answer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static io.registry.launcher.Schemas.fieldWithDefault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failure matrix: an API node (its own JVM, {@code RegistryMain api}) is SIGKILLed while its registrations are in
 * flight — their commands already on the log's way, their answers never sent. The clients retry against another API
 * node: each retry must get the same id the lost request was given, and no subject a second version.
 */
class ApiNodeCrashTest {
    private static final int REQUESTS = 6;

    @Test
    void aRetryAgainstAnotherNodeAfterAKilledOneIsIdempotent() throws Exception {
        // This JVM: projectors and the API node the clients fall back to. The sequencer runs in its own JVM so the
        // test can hold it (SIGSTOP) while the doomed node's requests are in flight.
        try (RegistryStack stack = RegistryStack.start(Map.of(
                "registry.sequencer.enabled", false,
                "registry.api.sequencer-timeout", "60s",
                "registry.api.projection-timeout", "30s"));
             RegistryProcess sequencer = RegistryProcess.streams(
                     // The default 10 s session usually outlasts the pause, so it keeps its commands partition.
                     stack.sequencerNodeProperties("sequencer", Map.of()),
                     "api-crash-sequencer-" + stack.id)) {
            int port = DevProcessCrashTest.freePort();
            Map<String, Object> apiProps = stack.properties();
            apiProps.put("registry.sequencer.enabled", false);
            apiProps.put("registry.projector.enabled", false);
            apiProps.put("flyway.datasources.default.enabled", false);
            apiProps.put("micronaut.server.port", port);
            RegistryHttp doomed = new RegistryHttp(URI.create("http://127.0.0.1:" + port));
            try (RegistryProcess node = RegistryProcess.start("api", apiProps, Map.of(), "api-node-" + stack.id)) {
                DevProcessCrashTest.awaitReady(doomed, node);
                for (int i = 0; i < REQUESTS; i++) {
                    int n = i;
                    // Through the sequencer while it runs: one version already there, so the lost one is version 2.
                    Answer first = awaitWrite(() -> stack.http.register("api-crash-" + n, schema("First", n)));
                    assertEquals(200, first.status(), first.raw());
                }

                sequencer.pause();
                long commandsBefore = endOffset(stack, commandsTopic(stack));
                List<CompletableFuture<Answer>> lost = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    int n = i;
                    lost.add(CompletableFuture.supplyAsync(() -> doomed.register("api-crash-" + n, schema("Second", n))));
                }
                // Kill the node once all its commands are in Kafka: the sequencer will apply them, nobody hears back.
                long deadline = System.currentTimeMillis() + 60_000;
                while (endOffset(stack, commandsTopic(stack)) < commandsBefore + REQUESTS
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(commandsBefore + REQUESTS, endOffset(stack, commandsTopic(stack)), "commands sent");
                node.kill();
                sequencer.resume();
                for (CompletableFuture<Answer> request : lost) {
                    assertTrue(request.handle((answer, error) -> error != null).get(60, TimeUnit.SECONDS),
                            "the killed node answered a request");
                }

                // Each client retries the same registration against the surviving node.
                for (int i = 0; i < REQUESTS; i++) {
                    int n = i;
                    Answer retry = awaitWrite(() -> stack.http.register("api-crash-" + n, schema("Second", n)));
                    assertEquals(200, retry.status(), retry.raw());
                    Answer v2 = stack.http.get("/subjects/api-crash-" + i + "/versions/2");
                    assertEquals(200, v2.status(), v2.raw());
                    assertEquals(v2.body().get("id").asInt(), retry.body().get("id").asInt(),
                            "the retry got the id the lost request was given");
                    assertEquals("[1,2]", stack.http.get("/subjects/api-crash-" + i + "/versions").raw(),
                            "no duplicate version");
                }
            }
        }
    }

    /** "First" then "Second": a backward-compatible evolution (an added field with a default). */
    private static String schema(String step, int n) {
        return step.equals("First") ? avroRecord("R" + n, field("a", "string"))
                : avroRecord("R" + n, field("a", "string"), fieldWithDefault("b", "int", "0"));
    }

    /** A write retried while the freshly started sequencer JVM is not yet taking commands (bounded). */
    private static Answer awaitWrite(java.util.function.Supplier<Answer> write) {
        long deadline = System.currentTimeMillis() + 180_000;
        Answer a;
        do {
            a = write.get();
        } while (a.status() >= 500 && System.currentTimeMillis() < deadline);
        return a;
    }

    private static String commandsTopic(RegistryStack stack) {
        return stack.properties().get("registry.topics.commands").toString();
    }

    private static long endOffset(RegistryStack stack, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            return consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
        }
    }
}
