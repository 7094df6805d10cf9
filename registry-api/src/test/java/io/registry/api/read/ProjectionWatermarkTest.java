package io.registry.api.read;

import io.registry.readmodel.ProjectionProgress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
