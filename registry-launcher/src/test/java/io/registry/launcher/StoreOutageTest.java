package io.registry.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.launcher.RegistryHttp.Answer;
import io.registry.testkit.PrivatePostgres;
import io.registry.testkit.PrivateRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Store outages never hang a request (issue 10): the whole stack runs against a private Redis and a private
 * Postgres (testkit's {@link PrivateRedis} and {@link PrivatePostgres}, never the shared ones), which each test really
 * stops, stalls and starts again. Time bounds are loose behaviour bounds (a request answers within seconds instead of
 * hanging for a minute), not benchmarks. After each recovery the projections catch up and every write acknowledged
 * during the outage is readable.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreOutageTest {
    /** A read while a store is down: its timeout (~1 s) at most once, then the circuit answers at once. */
    private static final Duration READ_BOUND = Duration.ofSeconds(3);
    /** A write: the sequencer round trip plus, at most, one store timeout before the circuit opens. */
    private static final Duration WRITE_BOUND = Duration.ofSeconds(5);

    private static PrivateRedis redis;
    private static PrivatePostgres postgres;
    private static RegistryStack stack;
    private static RegistryHttp http;

    /** A write the registry acknowledged: it must be readable once the stores are back. */
    private record Written(String subject, int id, long seq) {
    }

    private final List<Written> acknowledged = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        redis = PrivateRedis.start();
        postgres = PrivatePostgres.start();
        String jdbcUrl = postgres.createDatabase("registry");
        stack = RegistryStack.start(Map.of(
                "datasources.default.url", jdbcUrl,
                "datasources.default.username", PrivatePostgres.USER,
                "redis.uri", redis.uri()));
        http = stack.http;
    }

    @AfterAll
    static void stop() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** Whatever a test did, both stores run again and the next test starts from a ready stack. */
    @AfterEach
    void restoreStores() {
        if (!redis.running()) {
            redis.startAgain();
        }
        try (Connection ignored = postgres.connect("postgres")) {
            // running
        } catch (Exception down) {
            postgres.startAgain();
        }
        awaitReady();
    }

    @Test
    @Order(1)
    void redisDown_readsComeFromPostgresAndWritesSucceed() {
        Written cached = register("redis-down-cached");
        Written uncached = register("redis-down-uncached");
        assertEquals(200, http.get("/schemas/ids/" + cached.id()).status());

        redis.stop();

        for (int round = 0; round < 3; round++) {
            assertAnswers(200, READ_BOUND, () -> http.get("/schemas/ids/" + cached.id()));
            assertAnswers(200, READ_BOUND, () -> http.get("/schemas/ids/" + uncached.id()));
            assertAnswers(200, READ_BOUND, () -> http.get("/subjects/" + uncached.subject() + "/versions"));
            assertAnswers(200, READ_BOUND, () -> http.get("/subjects/" + uncached.subject() + "/versions/latest"));
            assertAnswers(200, READ_BOUND, () -> http.get("/subjects"));
            assertAnswers(200, READ_BOUND, () -> http.get("/config"));
            Answer missing = assertAnswers(404, READ_BOUND, () -> http.get("/subjects/never-registered/versions"));
            assertEquals(40401, missing.errorCode(), "Postgres is up: a real miss is still a 404");
        }

        // A producer re-registering its schema while Redis is down: the repeat index is read from Postgres, so the
        // answer is the registered id without a command (a write through the sequencer would name redis pending).
        Answer repeat = timed(WRITE_BOUND, () -> http.register(uncached.subject(), schemaOf(uncached.subject())));
        assertEquals(200, repeat.status(), repeat.raw());
        assertEquals(uncached.id(), repeat.body().get("id").asInt());
        assertNull(repeat.header("X-Registry-Projection"), "a repeat is answered from Postgres, not written");

        Answer write = timed(WRITE_BOUND, () -> http.register(subject("redis-down-write"),
                avroRecord("W" + shortId(), field("a", "string"))));
        assertEquals(200, write.status(), write.raw());
        assertPendingNames(write, "redis");
        Written during = written(write, subjectOf(write));
        assertAnswers(200, READ_BOUND, () -> http.get("/subjects/" + during.subject() + "/versions/latest"));

        assertReadinessNames("redis");
        assertEquals(200, http.get("/health").status(), "liveness does not depend on the stores");

        redis.startAgain();
        awaitReady();
        assertProjectionsReached(during.seq());
        assertAllReadable();
    }

    @Test
    @Order(2)
    void postgresDown_readsComeFromRedisWritesSucceedAndReadinessNamesIt() {
        Written known = register("pg-down-known");

        postgres.stop();

        for (int round = 0; round < 3; round++) {
            assertAnswers(200, READ_BOUND, () -> http.get("/schemas/ids/" + known.id()));
            assertAnswers(200, READ_BOUND, () -> http.get("/subjects/" + known.subject() + "/versions"));
            assertAnswers(200, READ_BOUND, () -> http.get("/subjects/" + known.subject() + "/versions/1"));
            assertAnswers(200, READ_BOUND, () -> http.get("/subjects"));
            assertAnswers(200, READ_BOUND, () -> http.post("/subjects/" + known.subject(),
                    Map.of("schema", schemaOf(known.subject()))));
            Answer missing = assertAnswers(404, READ_BOUND, () -> http.get("/subjects/never-registered/versions"));
            assertEquals(40401, missing.errorCode(), "Redis is complete: its miss is a real 404");
        }

        // The write path reads the subject's normalize setting before sending the command: it must not block.
        Answer write = timed(WRITE_BOUND, () -> http.register(subject("pg-down-write"),
                avroRecord("P" + shortId(), field("a", "string"))));
        assertEquals(200, write.status(), write.raw());
        assertPendingNames(write, "postgres");
        Written during = written(write, subjectOf(write));
        Answer config = timed(WRITE_BOUND, () -> http.put("/config/" + during.subject(),
                Map.of("compatibility", "FULL")));
        assertEquals(200, config.status(), config.raw());
        assertAnswers(200, READ_BOUND, () -> http.get("/subjects/" + during.subject() + "/versions/latest"));

        assertReadinessNames("postgres");
        assertEquals(200, http.get("/health").status());

        postgres.startAgain();
        awaitReady();
        assertProjectionsReached(seqOf(config));
        assertAllReadable();
        assertEquals("FULL", http.get("/config/" + during.subject()).body().path("compatibilityLevel").asText());
    }

    @Test
    @Order(3)
    void bothDown_byIdFromTheCacheAndEverythingElseAFast503() {
        Written cached = register("both-down-cached");
        Written uncached = register("both-down-uncached");
        assertEquals(200, http.get("/schemas/ids/" + cached.id()).status());

        redis.stop();
        postgres.stop();

        for (int round = 0; round < 3; round++) {
            assertAnswers(200, Duration.ofSeconds(1), () -> http.get("/schemas/ids/" + cached.id()));
            for (String path : List.of("/subjects", "/subjects/" + cached.subject() + "/versions",
                    "/subjects/" + cached.subject() + "/versions/latest", "/schemas/ids/" + uncached.id(),
                    "/subjects/never-registered/versions")) {
                Answer down = assertAnswers(503, READ_BOUND, () -> http.get(path));
                assertEquals(50001, down.errorCode(), path + ": " + down.raw());
                assertNotNull(down.header("Retry-After"), path + " tells when to retry");
            }
        }

        // A registration follows the subject's alias (its config) before it is sent: with no store to read that
        // from, it is refused fast rather than written under a name that may be an alias. Config writes read nothing.
        Answer refused = timed(WRITE_BOUND, () -> http.register(subject("both-down-write"),
                avroRecord("B" + shortId(), field("a", "string"))));
        assertEquals(503, refused.status(), refused.raw());
        assertNotNull(refused.header("Retry-After"));
        Answer write = timed(WRITE_BOUND, () -> http.put("/config/" + cached.subject(),
                Map.of("compatibility", "NONE")));
        assertEquals(200, write.status(), "the log is the truth: this write needs no store: " + write.raw());
        assertPendingNames(write, "postgres", "redis");
        long during = seqOf(write);

        Answer ready = timed(READ_BOUND, () -> http.get("/health/ready"));
        assertEquals(503, ready.status());
        assertEquals("DOWN", ready.body().path("stores").path("redis").path("status").asText(), ready.raw());
        assertEquals("DOWN", ready.body().path("stores").path("postgres").path("status").asText(), ready.raw());

        postgres.startAgain();
        redis.startAgain();
        awaitReady();
        assertProjectionsReached(during);
        assertAllReadable();
        assertEquals("NONE", http.get("/config/" + cached.subject()).body().path("compatibilityLevel").asText());
    }

    @Test
    @Order(4)
    void slowPostgres_boundedLatencyAndNoStarvation() throws Exception {
        Written cached = register("slow-pg-cached");
        assertEquals(200, http.get("/schemas/ids/" + cached.id()).status());

        // Every query on the schema tables now waits for the lock: a stalled Postgres, not a dead one.
        try (Connection lock = postgres.connect("registry"); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("LOCK TABLE schemas, subject_versions IN ACCESS EXCLUSIVE MODE");

            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Future<Answer>> answers = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    // Both need Postgres: referencedby has no Redis index, an unknown id misses in Redis.
                    String path = i % 2 == 0 ? "/subjects/" + cached.subject() + "/versions/1/referencedby"
                            : "/schemas/ids/" + (900_000 + i);
                    answers.add(clients.submit(() -> timed(Duration.ofSeconds(8), () -> http.get(path))));
                }
                // Meanwhile a cached read is not starved of threads.
                assertAnswers(200, Duration.ofSeconds(1), () -> http.get("/schemas/ids/" + cached.id()));
                for (Future<Answer> f : answers) {
                    Answer a = f.get();
                    assertTrue(a.status() == 200 || a.status() == 404 || a.status() == 503, a.status() + " " + a.raw());
                }
            } finally {
                clients.shutdownNow();
            }
            // With the circuit open, reads Redis can answer do not wait for Postgres at all.
            assertAnswers(200, READ_BOUND, () -> http.get("/subjects/" + cached.subject() + "/versions/1/referencedby"));
            assertAnswers(404, READ_BOUND, () -> http.get("/schemas/ids/987654"));

            Answer write = timed(Duration.ofSeconds(8), () -> http.register(subject("slow-pg-write"),
                    avroRecord("S" + shortId(), field("a", "string"))));
            assertEquals(200, write.status(), write.raw());
            written(write, subjectOf(write));
            lock.rollback();
        }
        awaitReady();
        assertAllReadable();
    }

    // --- helpers ---

    private Written register(String prefix) {
        String subject = subject(prefix);
        Answer a = http.register(subject, schemaOf(subject));
        assertEquals(200, a.status(), a.raw());
        return written(a, subject);
    }

    private Written written(Answer write, String subject) {
        Written w = new Written(subject, write.body().get("id").asInt(), seqOf(write));
        acknowledged.add(w);
        return w;
    }

    private static long seqOf(Answer write) {
        return Long.parseLong(write.header("X-Registry-Seq"));
    }

    /** One record type per subject, so ids differ. */
    private static String schemaOf(String subject) {
        return avroRecord("R_" + subject.replace('-', '_'), field("a", "string"));
    }

    private static String subjectOf(Answer write) {
        String uri = write.response().request().uri().getPath();
        return uri.substring("/subjects/".length(), uri.length() - "/versions".length());
    }

    private static String subject(String prefix) {
        return prefix + "-" + shortId();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Answer timed(Duration bound, Supplier<Answer> call) {
        long start = System.nanoTime();
        Answer a = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(bound) < 0, "answered in " + took.toMillis() + " ms, bound " + bound.toMillis()
                + " ms: " + a.status() + " " + a.raw());
        return a;
    }

    private static Answer assertAnswers(int status, Duration bound, Supplier<Answer> call) {
        Answer a = timed(bound, call);
        assertEquals(status, a.status(), a.raw());
        return a;
    }

    private static void assertPendingNames(Answer write, String... stores) {
        String header = write.header("X-Registry-Projection");
        assertNotNull(header, "a write answered while a store is down says which projection is pending");
        assertTrue(header.startsWith("pending"), header);
        for (String store : stores) {
            assertTrue(header.contains(store), header + " names " + store);
        }
    }

    private static void assertReadinessNames(String store) {
        Answer ready = timed(READ_BOUND, () -> http.get("/health/ready"));
        assertEquals(503, ready.status(), ready.raw());
        assertEquals("DOWN", ready.body().path("stores").path(store).path("status").asText(), ready.raw());
    }

    private static void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            last = http.get("/health/ready");
            if (last.status() == 200) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("not ready within 60 s after the stores came back: " + last.raw());
    }

    /** Both projections applied the sequence (they caught up after the outage). */
    private static void assertProjectionsReached(long seq) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode projections = null;
        while (System.nanoTime() < deadline) {
            projections = http.get("/health/ready").body().path("projections");
            if (projections.path("redis").path("applied_seq").asLong() >= seq
                    && projections.path("postgres").path("applied_seq").asLong() >= seq) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("projections did not reach " + seq + ": " + projections);
    }

    /** Every acknowledged write, by subject and by id, with both stores back. */
    private void assertAllReadable() {
        for (Written w : acknowledged) {
            Answer latest = http.get("/subjects/" + w.subject() + "/versions/latest");
            assertEquals(200, latest.status(), w + ": " + latest.raw());
            assertEquals(w.id(), latest.body().get("id").asInt(), w.toString());
            assertEquals(200, http.get("/schemas/ids/" + w.id()).status(), w.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
