package io.registry.launcher;

import io.registry.launcher.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static io.registry.launcher.Schemas.fieldWithDefault;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 50 clients register distinct, mutually compatible schemas into one subject at the same moment. */
class ConcurrentRegistrationTest extends FullStackTest {
    private static final int CLIENTS = 50;
    @Test
    void versionsAreGapFreeAndIdsDistinct() throws Exception {
        String subject = "concurrent-value";
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                // Each adds its own optional field: backward compatible (the default level) with every other one.
                String schema = avroRecord("C", field("a", "string"), fieldWithDefault("f" + i, "int", "0"));
                answers.add(pool.submit(() -> {
                    go.await();
                    return http.register(subject, schema);
                }));
            }
            go.countDown();
            Set<Integer> ids = new HashSet<>();
            for (Future<Answer> f : answers) {
                Answer a = f.get(120, TimeUnit.SECONDS);
                assertEquals(200, a.status(), a.raw());
                ids.add(a.body().get("id").asInt());
            }
            assertEquals(CLIENTS, ids.size(), "every distinct schema gets its own id");

            Answer versions = http.get("/subjects/" + subject + "/versions");
            assertEquals(200, versions.status(), versions.raw());
            List<Integer> numbers = new ArrayList<>();
            versions.body().forEach(v -> numbers.add(v.asInt()));
            assertEquals(IntStream.rangeClosed(1, CLIENTS).boxed().toList(), numbers);

            Set<Integer> idsByVersion = new HashSet<>();
            for (int v = 1; v <= CLIENTS; v++) {
                Answer version = http.get("/subjects/" + subject + "/versions/" + v);
                assertEquals(200, version.status(), version.raw());
                idsByVersion.add(version.body().get("id").asInt());
            }
            assertEquals(ids, idsByVersion, "versions 1..50 hold exactly the 50 registered schemas");
        } finally {
            pool.shutdownNow();
        }
    }
}
