package io.registry.readmodel;

import io.registry.readmodel.postgres.PostgresProgressNotices;
import io.registry.readmodel.postgres.PostgresProjectionStore;
import io.registry.readmodel.redis.RedisProgressNotices;
import io.registry.readmodel.redis.RedisProjectionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.registry.readmodel.TestEvents.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each projection store announces its committed batches to listeners (what makes read-your-writes waits short), and
 * a batch it rejects announces nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressNoticesTest {
    private ReadModelTestEnvironment env;

    record Case(String name, Class<? extends ProjectionStore> store, Class<? extends ProgressNotices> notices) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void start() {
        env = new ReadModelTestEnvironment();
    }

    @AfterAll
    void stop() {
        env.close();
    }

    @BeforeEach
    void wipe() {
        env.wipePostgres();
        env.wipeRedis();
    }

    Stream<Case> stores() {
        return Stream.of(new Case("postgres", PostgresProjectionStore.class, PostgresProgressNotices.class),
                new Case("redis", RedisProjectionStore.class, RedisProgressNotices.class));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aCommittedBatchIsAnnouncedAndARejectedOneIsNot(Case c) throws Exception {
        ProjectionStore store = env.bean(c.store());
        Semaphore heard = new Semaphore(0);
        {
            // the context closes the bean
            ProgressNotices notices = env.bean(c.notices());
            notices.listen(heard::release);
            // Listening starts with one notice of its own (what committed before it listened is not missed)...
            assertTrue(heard.tryAcquire(10, TimeUnit.SECONDS), "no notice when the subscription started");
            heard.drainPermits();

            store.apply(Checkpoint.START, new TestEvents(0, 0).schema("orders-value", 1, 1, avro("A")).batch());
            assertTrue(heard.tryAcquire(10, TimeUnit.SECONDS), "the committed batch was not announced");

            // ...and a batch applied on a stale checkpoint writes nothing and announces nothing.
            assertThrows(StaleCheckpointException.class, () -> store.apply(Checkpoint.START,
                    new TestEvents(0, 0).schema("orders-value", 2, 2, avro("B")).batch()));
            assertFalse(heard.tryAcquire(300, TimeUnit.MILLISECONDS), "a rejected batch was announced");
            assertEquals(1, store.checkpoint().seq());
        }
    }
}
