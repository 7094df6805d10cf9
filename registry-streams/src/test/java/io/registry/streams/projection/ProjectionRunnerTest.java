package io.registry.streams.projection;

import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogValue;
import io.registry.readmodel.Checkpoint;
import io.registry.readmodel.PositionedEvent;
import io.registry.readmodel.ProjectionStore;
import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.postgres.PostgresProjectionStore;
import io.registry.readmodel.postgres.PostgresReadModel;
import io.registry.readmodel.redis.RedisProjectionStore;
import io.registry.readmodel.redis.RedisReadModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static io.registry.streams.projection.LogWriter.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The projector loop against a real broker, Postgres and Redis. */
class ProjectionRunnerTest {
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private ProjectionTestEnvironment env;
    private String topic;
    private LogWriter log;
    private final List<ProjectionRunner> runners = new ArrayList<>();

    @BeforeEach
    void setUp() {
        env = new ProjectionTestEnvironment();
        topic = env.createLogTopic();
        log = new LogWriter(env.bootstrapServers(), topic);
        env.context();
    }

    @AfterEach
    void tearDown() {
        runners.forEach(ProjectionRunner::close);
        log.close();
        env.close();
    }

    @Test
    void bothProjectionsReachTheLastSequenceWithIdenticalContent() {
        long end = writeHistory();
        ProjectionRunner postgres = start(postgresStore());
        ProjectionRunner redis = start(redisStore());
        awaitSeq(log.seq(), postgres, redis);

        assertEquals(snapshot(postgresReads()), snapshot(redisReads()));
        assertEquals(List.of("orders-value", "payments-value"), postgresReads().subjects(false));
        assertEquals(List.of("orders-value", "payments-value", "users-value"), redisReads().subjects(true));
        assertEquals(List.of(new SubjectVersion("orders-value", 1, 1, true),
                new SubjectVersion("orders-value", 2, 2, false)), redisReads().versions("orders-value"));
        assertEquals(Optional.of(CompatibilityLevel.FULL), redisReads().compatibility(null));
        for (ProjectionRunner runner : List.of(postgres, redis)) {
            assertEquals(1, runner.malformedRecords(), runner.name());
            assertEquals(Optional.empty(), runner.lastError());
            assertEquals(end, runner.nextOffset());
        }
    }

    @Test
    void resumesFromItsCheckpointWithoutReapplying() {
        int first = writeRegistrations(0, 300);
        ProjectionRunner postgres = start(postgresStore());
        ProjectionRunner redis = start(redisStore());
        awaitSeq(log.seq(), postgres, redis);
        postgres.close();
        redis.close();
        Checkpoint postgresCheckpoint = postgresStore().checkpoint();
        assertEquals(new Checkpoint(first, log.seq()), postgresCheckpoint);
        assertEquals(postgresCheckpoint, redisStore().checkpoint());

        int end = writeRegistrations(300, 200);
        ProjectionRunner postgresAgain = start(postgresStore());
        ProjectionRunner redisAgain = start(redisStore());
        awaitSeq(log.seq(), postgresAgain, redisAgain);

        for (ProjectionRunner runner : List.of(postgresAgain, redisAgain)) {
            assertEquals(end - first, runner.appliedEvents(), runner.name() + " applied only the new records");
            assertEquals(end, runner.nextOffset());
        }
        assertEquals(new Checkpoint(end, log.seq()), postgresStore().checkpoint());
        assertEquals(new Checkpoint(end, log.seq()), redisStore().checkpoint());
        assertEquals(snapshot(postgresReads()), snapshot(redisReads()));
    }

    @Test
    void rebuildsIdenticalStateAfterAWipe() {
        writeHistory();
        ProjectionRunner postgres = start(postgresStore());
        ProjectionRunner redis = start(redisStore());
        awaitSeq(log.seq(), postgres, redis);
        postgres.close();
        redis.close();
        Map<String, Object> before = snapshot(postgresReads());
        assertEquals(before, snapshot(redisReads()));

        env.wipePostgres();
        env.wipeRedis();
        assertEquals(List.of(), postgresReads().subjects(true));
        assertEquals(List.of(), redisReads().subjects(true));

        ProjectionRunner postgresAgain = start(postgresStore());
        ProjectionRunner redisAgain = start(redisStore());
        awaitSeq(log.seq(), postgresAgain, redisAgain);
        assertEquals(before, snapshot(postgresReads()));
        assertEquals(before, snapshot(redisReads()));
    }

    @Test
    void rebuildsWhenWipedWhileRunning() {
        writeHistory();
        ProjectionRunner postgres = start(postgresStore());
        ProjectionRunner redis = start(redisStore());
        awaitSeq(log.seq(), postgres, redis);
        Map<String, Object> before = snapshot(postgresReads());

        env.wipePostgres();
        env.wipeRedis();
        // the next batch finds the checkpoint gone: the runners start over from offset 0
        writeRegistrations(1000, 4);
        awaitSeq(log.seq(), postgres, redis);
        await(() -> postgres.nextOffset() == redis.nextOffset(), "both at the same offset");

        Map<String, Object> after = snapshot(postgresReads());
        assertEquals(after, snapshot(redisReads()));
        assertEquals(List.of(new SubjectVersion("orders-value", 1, 1, true),
                new SubjectVersion("orders-value", 2, 2, false)), postgresReads().versions("orders-value"));
        assertEquals(before.get("schemas"), ((List<?>) after.get("schemas")).subList(0, 520));
    }

    @Test
    void retriesAFailedBatchFromTheCheckpointWithoutLossOrDoubleApply() {
        int end = writeRegistrations(0, 200);
        // Fails its first three batches after the store wrote nothing, as a store that is down does.
        FlakyStore flaky = new FlakyStore(postgresStore(), 3);
        ProjectionRunner postgres = start(flaky, ProjectionRunnerSettings.of(env.bootstrapServers(), topic)
                .withMaxPollRecords(50).withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
        ProjectionRunner redis = start(redisStore());
        awaitSeq(log.seq(), postgres, redis);

        assertEquals(3, postgres.failedBatches());
        assertEquals(end, postgres.appliedEvents(), "every record applied exactly once");
        assertEquals(Optional.empty(), postgres.lastError());
        assertEquals(snapshot(redisReads()), snapshot(postgresReads()));
    }

    @Test
    void closesPromptlyWhileIdleOrBackingOff() {
        ProjectionRunner idle = start(redisStore());
        FlakyStore alwaysFailing = new FlakyStore(postgresStore(), Integer.MAX_VALUE);
        ProjectionRunner failing = start(alwaysFailing, ProjectionRunnerSettings.of(env.bootstrapServers(), topic)
                .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        writeRegistrations(0, 1);
        awaitSeq(log.seq(), idle);
        await(() -> failing.lastError().isPresent(), "the failing runner reports its error");

        long start = System.nanoTime();
        idle.close();
        failing.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertFalse(idle.isRunning());
        assertFalse(failing.isRunning());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "close took " + took);
    }

    @Test
    void measuresTheRebuildRate() {
        int events = Integer.getInteger("projection.rebuild.events", 20_000);
        int end = writeRegistrations(0, events);
        // Built once first so the measured run is a rebuild of existing read models after a wipe, JIT warm.
        ProjectionRunner postgres = start(postgresStore());
        ProjectionRunner redis = start(redisStore());
        awaitSeq(log.seq(), postgres, redis);
        postgres.close();
        redis.close();
        env.wipePostgres();
        env.wipeRedis();

        long startNanos = System.nanoTime();
        List<ProjectionRunner> rebuilding = List.of(start(postgresStore()), start(redisStore()));
        Map<String, long[]> firstAndLast = new TreeMap<>();
        while (firstAndLast.values().stream().anyMatch(t -> t[1] == 0) || firstAndLast.size() < 2) {
            long now = System.nanoTime();
            for (ProjectionRunner runner : rebuilding) {
                long[] times = firstAndLast.computeIfAbsent(runner.name(), name -> new long[2]);
                if (times[0] == 0 && runner.appliedEvents() > 0) {
                    times[0] = now;
                }
                if (times[1] == 0 && runner.appliedSeq() >= log.seq()) {
                    times[1] = now;
                }
            }
            if (Duration.ofNanos(now - startNanos).compareTo(CATCH_UP) > 0) {
                fail("no catch-up within " + CATCH_UP);
            }
            sleep(2);
        }
        firstAndLast.forEach((name, times) -> {
            double total = (times[1] - startNanos) / 1e9;
            double applying = (times[1] - times[0]) / 1e9;
            System.out.printf("REBUILD from Kafka, %s projection (both running at once): %d events in %.2f s = "
                            + "%.0f events/s from start; %.0f events/s from the first applied batch%n",
                    name, end, total, end / total, end / applying);
        });
        assertEquals(snapshot(postgresReads()), snapshot(redisReads()));
    }

    /**
     * Registrations, soft and hard deletes, configs, a malformed record and a record without a sequence.
     * @return the end offset
     */
    private long writeHistory() {
        log.schema("orders-value", 1, 1, avro("Order"))
                .schema("orders-value", 2, 2, avro("OrderV2"))
                .schema("payments-value", 1, 1, avro("Order"))
                .schema("users-value", 1, 3, avro("User"))
                .schema("orders-value", 1, 1, avro("Order"), true)
                .garbage()
                .deleteSubject("users-value", 1)
                .schema("tmp", 1, 4, avro("Tmp"))
                .deleteSubject("tmp", 1)
                .clearSubject("tmp")
                .schema("gone", 1, 5, avro("Gone"))
                .tombstone("gone", 1)
                .config(null, "FULL")
                .config("payments-value", "NONE")
                .withoutSeqHeader(new LogKey.ConfigKey("orders-value"), new LogValue.ConfigValue("BACKWARD"))
                .write(new LogKey.NoopKey(), null);
        return log.flush();
    }

    /** {@code count} registrations: subjects of 4 versions, each version its own schema. @return the end offset */
    private int writeRegistrations(int from, int count) {
        for (int i = from; i < from + count; i++) {
            log.schema("subject-" + (i / 4), i % 4 + 1, i + 1, avro("R" + i), i % 50 == 49);
        }
        return (int) log.flush();
    }

    private ProjectionRunner start(ProjectionStore store) {
        return start(store, ProjectionRunnerSettings.of(env.bootstrapServers(), topic));
    }

    private ProjectionRunner start(ProjectionStore store, ProjectionRunnerSettings settings) {
        ProjectionRunner runner = new ProjectionRunner(store, settings);
        runners.add(runner);
        runner.start();
        return runner;
    }

    private static void awaitSeq(long seq, ProjectionRunner... runners) {
        for (ProjectionRunner runner : runners) {
            await(() -> runner.appliedSeq() >= seq, runner.name() + " reaches seq " + seq);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> snapshot(io.registry.readmodel.ReadModel model) {
        return ReadModelSnapshot.of(model, 520, List.of("tmp", "gone"));
    }

    private PostgresProjectionStore postgresStore() {
        return env.context().getBean(PostgresProjectionStore.class);
    }

    private RedisProjectionStore redisStore() {
        return env.context().getBean(RedisProjectionStore.class);
    }

    private PostgresReadModel postgresReads() {
        return env.context().getBean(PostgresReadModel.class);
    }

    private RedisReadModel redisReads() {
        return env.context().getBean(RedisReadModel.class);
    }

    /** A store whose first {@code failures} batches fail before writing anything. */
    private static final class FlakyStore implements ProjectionStore {
        private final ProjectionStore delegate;
        private final AtomicInteger failuresLeft;

        FlakyStore(ProjectionStore delegate, int failures) {
            this.delegate = delegate;
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public Checkpoint checkpoint() {
            return delegate.checkpoint();
        }

        @Override
        public java.util.Optional<String> boundLog() {
            return delegate.boundLog();
        }

        @Override
        public void rebind(String logId) {
            delegate.rebind(logId);
        }

        @Override
        public void apply(Checkpoint from, List<PositionedEvent> batch) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("simulated outage");
            }
            delegate.apply(from, batch);
        }
    }
}
