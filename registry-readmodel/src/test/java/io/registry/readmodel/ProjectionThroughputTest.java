package io.registry.readmodel;

import io.registry.core.log.LogHeaders;
import io.registry.core.log.LogRecordCodec;
import io.registry.core.log.LogRecordReader;
import io.registry.readmodel.postgres.PostgresProjectionStore;
import io.registry.readmodel.redis.RedisProjectionStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.registry.readmodel.TestEvents.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rebuild speed of each store alone (no Kafka, but the records are read from bytes by the log's reader, as a
 * projector does): printed, not asserted, since machines differ. Two shapes: the perf seed's (one version per
 * subject) and subjects of 4 versions, every 50th soft-deleted again.
 */
class ProjectionThroughputTest {
    private static final int EVENTS = Integer.getInteger("throughput.events", 20_000);
    private static final int BATCH = 5_000;

    @Test
    void measuresRebuildRate() {
        try (ReadModelTestEnvironment env = new ReadModelTestEnvironment()) {
            // a first pass warms the JIT up (a real rebuild of 100k events amortizes that), the second is measured
            for (boolean warmUp : new boolean[]{true, false}) {
                for (int versionsPerSubject : new int[]{1, 4}) {
                    List<List<byte[][]>> log = registrations(versionsPerSubject, warmUp ? BATCH : EVENTS);
                    env.wipePostgres();
                    env.wipeRedis();
                    measure(env.bean(PostgresProjectionStore.class), log, versionsPerSubject, !warmUp);
                    measure(env.bean(RedisProjectionStore.class), log, versionsPerSubject, !warmUp);
                }
            }
        }
    }

    /** Batches of raw records: {key, value, registry-seq header}. */
    private static List<List<byte[][]>> registrations(int versionsPerSubject, int events) {
        TestEvents log = new TestEvents(0, 0);
        List<List<byte[][]>> batches = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            log.schema("subject-" + (i / versionsPerSubject), i % versionsPerSubject + 1, i + 1, avro("R" + i),
                    versionsPerSubject > 1 && i % 50 == 49);
            if ((i + 1) % BATCH == 0) {
                batches.add(log.batch().stream().map(e -> new byte[][]{LogRecordCodec.encodeKey(e.event().key()),
                        LogRecordCodec.encodeValue(e.event().value()), LogHeaders.encodeLong(e.seq())}).toList());
            }
        }
        return batches;
    }

    private static void measure(ProjectionStore store, List<List<byte[][]>> log, int versionsPerSubject,
                                boolean print) {
        // warm-up on the first batch is part of a real rebuild too; measure it all
        long decoding = 0;
        long start = System.nanoTime();
        long offset = 0;
        long seq = 0;
        for (List<byte[][]> records : log) {
            long decodeStart = System.nanoTime();
            List<PositionedEvent> batch = new ArrayList<>(records.size());
            for (byte[][] r : records) {
                LogRecordReader.Read read = LogRecordReader.read(r[0], r[1], r[2], seq);
                seq = read.seq();
                batch.add(new PositionedEvent(offset++, seq, read.event()));
            }
            decoding += System.nanoTime() - decodeStart;
            store.apply(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(offset, store.checkpoint().nextOffset());
        if (!print) {
            return;
        }
        System.out.printf("REBUILD %s store, %d version(s) per subject: %d events in %.2f s = %.0f events/s "
                        + "(decoding %.2f s)%n", store.name(), versionsPerSubject, offset, seconds, offset / seconds,
                decoding / 1e9);
    }
}
