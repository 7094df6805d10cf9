package io.registry.readmodel;

import io.registry.readmodel.postgres.PostgresProjectionStore;
import io.registry.readmodel.redis.RedisProjectionStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.registry.readmodel.TestEvents.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rebuild speed of each store alone (no Kafka): printed, not asserted, since machines differ. */
class ProjectionThroughputTest {
    private static final int EVENTS = 20_000;
    private static final int BATCH = 5_000;

    @Test
    void measuresRebuildRate() {
        try (ReadModelTestEnvironment env = new ReadModelTestEnvironment()) {
            List<List<PositionedEvent>> batches = registrations();
            measure(env.bean(PostgresProjectionStore.class), batches);
            measure(env.bean(RedisProjectionStore.class), batches);
        }
    }

    private static List<List<PositionedEvent>> registrations() {
        TestEvents log = new TestEvents(0, 0);
        List<List<PositionedEvent>> batches = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            // 4 versions per subject, every schema distinct, every 50th version soft-deleted again
            log.schema("subject-" + (i / 4), i % 4 + 1, i + 1, avro("R" + i), i % 50 == 49);
            if ((i + 1) % BATCH == 0) {
                batches.add(log.batch());
            }
        }
        return batches;
    }

    private static void measure(ProjectionStore store, List<List<PositionedEvent>> batches) {
        // warm-up on the first batch is part of a real rebuild too; measure it all
        long start = System.nanoTime();
        for (List<PositionedEvent> batch : batches) {
            store.apply(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(EVENTS, store.checkpoint().nextOffset());
        System.out.printf("REBUILD %s store: %d events in %.2f s = %.0f events/s%n",
                store.name(), EVENTS, seconds, EVENTS / seconds);
    }
}
