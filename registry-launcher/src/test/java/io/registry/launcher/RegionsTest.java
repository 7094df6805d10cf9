package io.registry.launcher;

import io.registry.launcher.RegistryHttp.Answer;
import io.registry.kafka.embedded.EmbeddedKafkaBroker;
import io.registry.region.promotion.Promotion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two regions, each with its own real Kafka cluster, Postgres database and Redis prefix: a primary, and a replica
 * that mirrors the primary's log with MirrorMaker 2, serves reads locally and sends writes to the primary. One
 * scenario, in order: read-your-writes in the replica, replication primary → replica, identical ids, the primary
 * lost (replica reads on, writes fail fast; beyond max-staleness answers say so, and with refuse-stale-reads the
 * replica refuses reads instead), the primary back (catch-up, reads served again), then the promotion drill
 * ({@code ./registry promote}'s command makes the replica the primary above an id floor; the old primary, back
 * again, refuses every write).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegionsTest {
    private static final int ID_GAP = 100;
    private static Path primaryKafkaDir;
    private static int primaryKafkaPort;
    private static EmbeddedKafkaBroker primaryKafka;
    private static EmbeddedKafkaBroker replicaKafka;
    private static RegistryStack primary;
    private static RegistryStack replica;
    private static Map<String, Object> topics;
    private static int idInReplica;
    private static int idInPrimary;

    @BeforeAll
    static void startRegions() throws Exception {
        primaryKafkaDir = Files.createTempDirectory("region-a-kafka");
        primaryKafkaPort = freePort();
        primaryKafka = EmbeddedKafkaBroker.start(primaryKafkaDir, primaryKafkaPort);
        replicaKafka = EmbeddedKafkaBroker.startTemporary();
        primary = RegistryStack.start(Map.of(
                "registry.kafka.bootstrap-servers", primaryKafka.bootstrapServers(),
                "registry.region.name", "region-a",
                "registry.region.fence-check-interval", "500ms"));
        Map<String, Object> p = primary.properties();
        topics = Map.of(
                "registry.topics.log", p.get("registry.topics.log"),
                "registry.topics.commands", p.get("registry.topics.commands"),
                "registry.topics.replies", p.get("registry.topics.replies"));
        Map<String, Object> replicaSettings = new HashMap<>(topics);
        replicaSettings.put("registry.kafka.bootstrap-servers", replicaKafka.bootstrapServers());
        replicaSettings.put("registry.region.name", "region-b");
        replicaSettings.put("registry.region.role", "replica");
        replicaSettings.put("registry.region.primary-bootstrap-servers", primaryKafka.bootstrapServers());
        replicaSettings.put("registry.region.primary-timeout", "5s");
        replicaSettings.put("registry.region.max-staleness", "3s");
        replicaSettings.put("registry.sequencer.enabled", false);
        replica = RegistryStack.start(replicaSettings);
    }

    @AfterAll
    static void stopRegions() {
        for (AutoCloseable c : new AutoCloseable[]{replica, primary, replicaKafka, primaryKafka}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort: the next resource still gets closed
            }
        }
    }

    @Test
    @Order(1)
    void aWriteInTheReplicaIsReadableThereAtOnce() throws Exception {
        // the first write may meet a primary sequencer still joining its group: clients retry 50003 (safe: it expired)
        Answer created = awaitRegistration(replica, "orders-value", avroRecord("Order", field("id", "string")));
        idInReplica = created.body().get("id").asInt();
        Answer latest = replica.http.get("/subjects/orders-value/versions/latest");
        assertEquals(200, latest.status(), latest.raw());
        assertEquals(idInReplica, latest.body().get("id").asInt());
        // the write went through the primary's sequencer: the primary has it too
        assertEquals(idInReplica, primary.http.get("/subjects/orders-value/versions/1").body().get("id").asInt());
    }

    @Test
    @Order(2)
    void aWriteInThePrimaryReachesTheReplica() throws Exception {
        Answer created = primary.http.register("users-value", avroRecord("User", field("name", "string")));
        assertEquals(200, created.status(), created.raw());
        idInPrimary = created.body().get("id").asInt();
        // the primary's sequence means the same in the replica: a read asking for it waits until it is there
        String seq = created.response().headers().firstValue("X-Registry-Seq").orElseThrow();
        Answer fresh = replica.http.get("/subjects/users-value/versions/1", Map.of("X-Registry-Min-Seq", seq));
        assertEquals(200, fresh.status(), fresh.raw());
        assertEquals(idInPrimary, fresh.body().get("id").asInt());
        long start = System.nanoTime();
        Answer seen = awaitStatus(replica, "/subjects/users-value/versions/1", 200, Duration.ofSeconds(30));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("RegionsTest: primary write visible in the replica after " + millis + " ms");
        assertEquals(idInPrimary, seen.body().get("id").asInt());
    }

    @Test
    @Order(3)
    void bothRegionsAgreeOnIdsAndVersions() {
        for (String path : new String[]{"/subjects", "/subjects/orders-value/versions", "/subjects/users-value/versions",
                "/schemas/ids/" + idInReplica, "/schemas/ids/" + idInPrimary, "/subjects/users-value/versions/1"}) {
            assertEquals(primary.http.get(path).body(), replica.http.get(path).body(), path);
        }
        // the replica's lag: it reads the primary's newest sequence and finds it applied
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Answer ready;
        do {
            ready = replica.http.get("/health/ready");
        } while (ready.body().path("region").path("lag_sequences").asLong(-1) != 0 && System.nanoTime() < deadline);
        assertEquals("replica", ready.body().path("region").path("role").asText(), ready.raw());
        assertTrue(ready.body().path("region").path("primary_reachable").asBoolean(), ready.raw());
        assertEquals(0, ready.body().path("region").path("lag_sequences").asLong(), ready.raw());
    }

    @Test
    @Order(4)
    void primaryLostReplicaReadsServeAndWritesFailFast() throws Exception {
        primary.stop();
        primaryKafka.close();
        Answer read = replica.http.get("/subjects/users-value/versions/1");
        assertEquals(200, read.status(), read.raw());
        assertEquals(200, replica.http.get("/schemas/ids/" + idInPrimary).status());
        long start = System.nanoTime();
        Answer write = replica.http.register("lost-value", avroRecord("Lost", field("x", "string")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, write.status(), write.raw());
        assertEquals(50003, write.body().get("error_code").asInt(), write.raw());
        assertTrue(millis < 10_000, "the write failed after " + millis + " ms");
        System.out.println("RegionsTest: replica write with the primary lost failed after " + millis + " ms");
        // beyond max-staleness (3 s) without news from the primary, answers say how stale they may be
        Answer stale = awaitHeader(replica, "/subjects/users-value/versions/1", "X-Registry-Stale", Duration.ofSeconds(30));
        assertEquals(200, stale.status());
        assertEquals(503, replica.http.get("/health/ready").status());

        // with refuse-stale-reads, the same replica refuses reads beyond the bound instead (Confluent-style 503)
        replica.restart(Map.of("registry.region.refuse-stale-reads", true));
        Answer refused = awaitStatus(replica, "/subjects/users-value/versions/1", 503, Duration.ofSeconds(30));
        assertEquals(50301, refused.body().get("error_code").asInt(), refused.raw());
        assertTrue(refused.body().get("message").asText().contains("behind its primary"), refused.raw());
        assertTrue(refused.response().headers().firstValue("Retry-After").isPresent(), refused.raw());
        assertTrue(refused.response().headers().firstValue("X-Registry-Stale").isPresent(), refused.raw());
        assertEquals(503, replica.http.get("/schemas/ids/" + idInPrimary).status());
        // operators still see why
        assertEquals(200, replica.http.get("/metrics").status());
    }

    @Test
    @Order(5)
    void primaryBackTheReplicaCatchesUpAndWritesResume() throws Exception {
        primaryKafka = EmbeddedKafkaBroker.start(primaryKafkaDir, primaryKafkaPort);
        primary.restart();
        // caught up again: the replica (refusing stale reads since the outage) serves reads again
        Answer served = awaitStatus(replica, "/subjects/users-value/versions/1", 200, Duration.ofSeconds(60));
        assertEquals(idInPrimary, served.body().get("id").asInt());
        Answer created = awaitRegistration(replica, "back-value", avroRecord("Back", field("y", "string")));
        int id = created.body().get("id").asInt();
        assertEquals(id, replica.http.get("/subjects/back-value/versions/latest").body().get("id").asInt());
        assertEquals(id, primary.http.get("/subjects/back-value/versions/latest").body().get("id").asInt());
        Answer written = primary.http.register("after-value", avroRecord("After", field("z", "string")));
        awaitStatus(replica, "/subjects/after-value/versions/1", 200, Duration.ofSeconds(30));
        assertEquals(written.body().get("id").asInt(),
                replica.http.get("/subjects/after-value/versions/1").body().get("id").asInt());
        // nothing the outage touched was lost or duplicated
        assertEquals(primary.http.get("/subjects").body(), replica.http.get("/subjects").body());
        assertEquals(404, replica.http.get("/subjects/lost-value/versions").status());
    }

    @Test
    @Order(6)
    void promotionDrill() throws Exception {
        int maxIdBefore = primary.http.get("/subjects/after-value/versions/1").body().get("id").asInt();
        // the primary region is lost
        primary.stop();
        primaryKafka.close();
        // the replica is restarted as the primary: its epoch is raised above an id floor, its sequencer starts
        replica.stop();
        // ./registry promote, with the replica's settings as its environment would give them
        Map<String, String> promoteSettings = Map.of(
                "registry.kafka.bootstrap-servers", replicaKafka.bootstrapServers(),
                "registry.region.name", "region-b",
                "registry.topics.log", (String) topics.get("registry.topics.log"),
                "registry.promotion.id-gap", Integer.toString(ID_GAP));
        Promotion.Result promoted;
        try {
            promoteSettings.forEach(System::setProperty);
            promoted = PromoteCommand.run();
        } finally {
            // the stacks this JVM starts next read system properties too
            promoteSettings.keySet().forEach(System::clearProperty);
        }
        assertEquals(1, promoted.epoch().epoch());
        assertEquals(maxIdBefore, promoted.maxIdOnLog());
        replica.restart(Map.of("registry.region.role", "primary", "registry.sequencer.enabled", true));
        Answer created = replica.http.register("promoted-value", avroRecord("Promoted", field("p", "string")));
        assertEquals(200, created.status(), created.raw());
        int newId = created.body().get("id").asInt();
        assertTrue(newId >= maxIdBefore + 1 + ID_GAP, "new id " + newId + " is above the floor "
                + promoted.epoch().idFloor());
        // every schema from before the promotion is still there, with its id
        assertEquals(idInPrimary, replica.http.get("/subjects/users-value/versions/1").body().get("id").asInt());

        // the old primary comes back, unchanged: it finds the region that replaced it and refuses every write
        primaryKafka = EmbeddedKafkaBroker.start(primaryKafkaDir, primaryKafkaPort);
        primary.restart();
        Answer refused = primary.http.register("split-brain-value", avroRecord("Split", field("s", "string")));
        assertEquals(503, refused.status(), refused.raw());
        assertEquals(50003, refused.body().get("error_code").asInt());
        assertTrue(refused.body().get("message").asText().contains("region-b"), refused.raw());
        assertEquals(404, replica.http.get("/subjects/split-brain-value/versions").status());
    }

    private static Answer awaitRegistration(RegistryStack stack, String subject, String schema) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Answer last;
        do {
            last = stack.http.register(subject, schema);
            if (last.status() == 200) {
                return last;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("registration never succeeded: " + last.raw());
    }

    private static Answer awaitStatus(RegistryStack stack, String path, int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last;
        do {
            last = stack.http.get(path);
            if (last.status() == status) {
                return last;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " never answered " + status + ": " + last.raw());
    }

    private static Answer awaitHeader(RegistryStack stack, String path, String header, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last;
        do {
            last = stack.http.get(path);
            if (last.response().headers().firstValue(header).isPresent()) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " never carried " + header);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
