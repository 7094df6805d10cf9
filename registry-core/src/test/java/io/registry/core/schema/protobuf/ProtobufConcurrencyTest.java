package io.registry.core.schema.protobuf;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.registry.core.schema.protobuf.TestProtos.ADDRESS;
import static io.registry.core.schema.protobuf.TestProtos.proto;
import static io.registry.core.schema.protobuf.TestProtos.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sequencer and API nodes parse from many threads: built-in files are shared, and every link must get
 * its own mutable wire objects (see {@link WellKnownProtos}).
 */
class ProtobufConcurrencyTest {

    @Test
    void parallelParsesAgree() throws Exception {
        String order = resource("orders/order.proto");
        String customer = resource("customer/v1.proto");
        Set<String> canonicals = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = i;
                runs.add(pool.submit(() -> {
                    ProtobufParsedSchema schema = proto(n % 2 == 0 ? order : customer, ADDRESS);
                    canonicals.add(schema.canonical());
                    ProtobufCompatibility.differences(schema, schema);
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, canonicals.size());
    }
}
