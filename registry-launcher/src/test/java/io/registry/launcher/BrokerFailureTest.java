package io.registry.launcher;

import io.registry.launcher.RegistryHttp.Answer;
import io.registry.kafka.embedded.EmbeddedKafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failure matrix, Kafka rows: the registry on 3 brokers (plus a dedicated controller), its topics replicated 3-fold
 * with {@code min.insync.replicas} 2. One broker down: nothing visible changes. Two down: writes fail fast with
 * 50002, reads go on, and writes resume once the brokers are back. Each test leaves every broker running.
 */
class BrokerFailureTest {
    /** Kafka's timeouts must bound a failing write, not this (deliberately long) sequencer wait. */
    private static final Duration SEQUENCER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(4);

    private static EmbeddedKafkaCluster cluster;
    private static RegistryStack stack;

    @BeforeAll
    static void start() throws Exception {
        cluster = EmbeddedKafkaCluster.startTemporary(3);
        stack = RegistryStack.start(Map.of(
                "registry.kafka.bootstrap-servers", cluster.bootstrapServers(),
                "registry.topics.replication-factor", 3,
                "registry.topics.min-insync-replicas", 2,
                "registry.api.sequencer-timeout", SEQUENCER_TIMEOUT.toSeconds() + "s",
                "registry.api.command-producer.delivery-timeout", DELIVERY_TIMEOUT.toSeconds() + "s"));
    }

    @AfterAll
    static void stop() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void oneBrokerDownWritesAndReadsGoOnAndNothingAcknowledgedIsLost() throws Exception {
        String subject = subject("one-down");
        AcknowledgedWrites acked = new AcknowledgedWrites();
        registerAll(subject, 0, 10, acked);

        int leader = logLeader();
        cluster.stopBroker(leader);
        try {
            // Concurrent writes while the log's leader is gone: every one is acknowledged.
            registerAll(subject, 10, 30, acked);
            assertEquals(30, acked.size(), "every write during the outage succeeded");
            acked.verifyApi(stack.http);
        } finally {
            cluster.startBroker(leader);
        }
        cluster.awaitFullIsr(topics(), Duration.ofSeconds(60));
        acked.verifyLog(cluster.bootstrapServers(), stack.logTopic);
        acked.verifyApi(stack.http);
    }

    @Test
    void twoBrokersDownWritesFailFastReadsServeAndWritesResumeAfterRestart() throws Exception {
        String subject = subject("two-down");
        AcknowledgedWrites acked = new AcknowledgedWrites();
        registerAll(subject, 0, 3, acked);
        cluster.awaitFullIsr(topics(), Duration.ofSeconds(60));

        List<Integer> stopped = List.of(1, 2);
        stopped.forEach(cluster::stopBroker);
        String refused = schema(subject, 100);
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                long t0 = System.nanoTime();
                Answer a = stack.http.register(subject, refused);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                assertEquals(503, a.status(), a.raw());
                assertEquals(50002, a.errorCode(), a.raw());
                assertTrue(a.response().headers().firstValue("Retry-After").isPresent(), a.raw());
                assertTrue(a.body().path("message").asText().contains("Kafka did not accept the command"), a.raw());
                // Bounded by the command producer's delivery timeout (plus scheduling slack), far below the
                // sequencer timeout that would otherwise be the bound.
                assertTrue(ms < DELIVERY_TIMEOUT.toMillis() + 4_000, "a refused write took " + ms + " ms");
            }
            // Reads are served from the projections, which do not need Kafka.
            acked.verifyApi(stack.http);
        } finally {
            stopped.forEach(cluster::startBroker);
        }

        // Writes resume; retrying the refused write gives it exactly one version.
        long deadline = System.currentTimeMillis() + 90_000;
        Answer retried;
        do {
            retried = stack.http.register(subject, refused);
        } while (retried.status() != 200 && System.currentTimeMillis() < deadline);
        assertEquals(200, retried.status(), "writes did not resume: " + retried.raw());
        acked.record(subject, refused, retried);
        assertEquals(200, stack.http.register(subject, refused).status(), "repeating it is idempotent");
        registerAll(subject, 3, 6, acked);

        acked.verifyLog(cluster.bootstrapServers(), stack.logTopic);
        acked.verifyApi(stack.http);
        assertEquals("[1,2,3,4,5,6,7]", stack.http.get("/subjects/" + subject + "/versions").raw());
    }

    private static String subject(String prefix) {
        String subject = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(200, stack.http.put("/config/" + subject, Map.of("compatibility", "NONE")).status());
        return subject;
    }

    private static String schema(String subject, int n) {
        return avroRecord("R" + n, field("f" + n, "string"));
    }

    /** Registers schemas {@code from..to-1} from 4 clients at once, recording the acknowledged ones. */
    private static void registerAll(String subject, int from, int to, AcknowledgedWrites acked) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int n = from; n < to; n++) {
                String schema = schema(subject, n);
                answers.add(clients.submit(() -> {
                    Answer a = stack.http.register(subject, schema);
                    acked.record(subject, schema, a);
                    return a;
                }));
            }
            for (Future<Answer> f : answers) {
                Answer a = f.get(120, TimeUnit.SECONDS);
                assertEquals(200, a.status(), a.raw());
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static List<String> topics() {
        return List.of(stack.logTopic, stack.properties().get("registry.topics.commands").toString(),
                stack.properties().get("registry.topics.replies").toString());
    }

    private static int logLeader() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            return admin.describeTopics(List.of(stack.logTopic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(stack.logTopic).partitions().get(0).leader().id();
        }
    }
}
