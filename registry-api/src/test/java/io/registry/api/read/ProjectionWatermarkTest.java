package io.registry.api.read;

import io.registry.readmodel.ProgressNotices;
import io.registry.readmodel.ProjectionProgress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Waits end on what the stores that are up have applied; a store that is down is named, not waited for. */
class ProjectionWatermarkTest {
    private static final Duration LONG = Duration.ofMinutes(5);

    private static final class Stores implements ProjectionProgress {
        volatile Map<String, OptionalLong> seqs;

        Stores(OptionalLong redis, OptionalLong postgres) {
            set(redis, postgres);
        }

        void set(OptionalLong redis, OptionalLong postgres) {
            Map<String, OptionalLong> m = new LinkedHashMap<>();
            m.put("redis", redis);
            m.put("postgres", postgres);
            seqs = m;
        }

        @Override
        public Map<String, OptionalLong> appliedSeqs() {
            return seqs;
        }
    }

    @Test
    void aStoreThatIsDownIsNotWaitedForAndIsNamed() throws Exception {
        Stores stores = new Stores(OptionalLong.of(5), OptionalLong.empty());
        try (ProjectionWatermark watermark = new ProjectionWatermark(stores, List.of())) {
            ProjectionWatermark.Visibility v = watermark.await(5, LONG).get();
            assertEquals(Set.of("postgres"), v.pending());
            assertEquals(5, v.seq());
        }
    }

    @Test
    void withEveryStoreDownAWaitEndsAtOnceNamingBoth() throws Exception {
        Stores stores = new Stores(OptionalLong.empty(), OptionalLong.empty());
        try (ProjectionWatermark watermark = new ProjectionWatermark(stores, List.of())) {
            assertEquals(Set.of("redis", "postgres"), watermark.await(9, LONG).get().pending());
        }
    }

    @Test
    void withBothUpAWaitEndsWhenBothApplied() throws Exception {
        Stores stores = new Stores(OptionalLong.of(3), OptionalLong.of(1));
        try (ProjectionWatermark watermark = new ProjectionWatermark(stores, List.of())) {
            var waiting = watermark.await(3, LONG);
            stores.set(OptionalLong.of(3), OptionalLong.of(3));
            ProjectionWatermark.Visibility v = waiting.get();
            assertEquals(Set.of(), v.pending());
            assertEquals(3, v.seq());
        }
    }

    @Test
    void aStoreGoingDownReleasesTheWaitersItHeldBack() throws Exception {
        Stores stores = new Stores(OptionalLong.of(4), OptionalLong.of(1));
        try (ProjectionWatermark watermark = new ProjectionWatermark(stores, List.of())) {
            var waiting = watermark.await(4, LONG);
            stores.set(OptionalLong.of(4), OptionalLong.empty());
            assertEquals(Set.of("postgres"), waiting.get().pending());
        }
    }

    /** A notices source the test drives by hand. */
    private static final class HandNotices implements ProgressNotices {
        private final String store;
        volatile Listener listener;

        HandNotices(String store) {
            this.store = store;
        }

        @Override
        public String store() {
            return store;
        }

        @Override
        public void listen(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void announcedSequencesReleaseWaitersWithoutACheckpointRead() throws Exception {
        // The checkpoints never move: only the notices' payloads can release the wait.
        Stores stores = new Stores(OptionalLong.of(1), OptionalLong.of(1));
        HandNotices redis = new HandNotices("redis");
        HandNotices postgres = new HandNotices("postgres");
        try (ProjectionWatermark watermark = new ProjectionWatermark(stores, List.of(redis, postgres))) {
            var waiting = watermark.await(7, LONG);
            redis.listener.applied(7);
            assertFalse(waiting.isDone() && waiting.get().complete(), "released before postgres applied 7");
            postgres.listener.applied(8);
            ProjectionWatermark.Visibility v = waiting.get();
            assertEquals(Set.of(), v.pending());
            assertEquals(7, v.seq());
            assertEquals(7, watermark.applied());
        }
    }

    @Test
    void aNoticeNeverMovesAStoreBackwards() throws Exception {
        Stores stores = new Stores(OptionalLong.of(10), OptionalLong.of(10));
        HandNotices redis = new HandNotices("redis");
        try (ProjectionWatermark watermark = new ProjectionWatermark(stores, List.of(redis))) {
            assertEquals(Set.of(), watermark.await(10, LONG).get().pending());
            redis.listener.applied(3); // a late notice of an older batch
            assertEquals(Set.of(), watermark.await(10, LONG).get().pending());
            assertEquals(10, watermark.applied());
        }
    }
}
