package io.registry.launcher;

import io.registry.launcher.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static io.registry.launcher.Schemas.fieldWithDefault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log is the truth: restarts keep everything, and wiped projections rebuild to the same state. */
class DurabilityTest {

    /** Registers a little history: two subjects, evolutions, a shared schema, a subject config. */
    private static long populate(RegistryHttp http) {
        long seq = 0;
        for (String s : List.of("orders-value", "users-value")) {
            seq = seqOf(http.register(s, avroRecord("R", field("a", "string"))));
            seq = seqOf(http.register(s, avroRecord("R", field("a", "string"), fieldWithDefault("b", "int", "0"))));
        }
        seq = seqOf(http.put("/config/users-value", Map.of("compatibility", "FULL")));
        seq = seqOf(http.register("shared-value", avroRecord("R", field("a", "string"))));
        seq = seqOf(http.register("json-value", "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"}}}",
                "JSON"));
        return seq;
    }

    private static long seqOf(Answer answer) {
        assertEquals(200, answer.status(), answer.raw());
        return Long.parseLong(answer.header("X-Registry-Seq"));
    }

    @Test
    void wholeStackRestartKeepsEverythingAndIdsContinue() throws Exception {
        try (RegistryStack stack = RegistryStack.start()) {
            populate(stack.http);
            Map<String, String> before = RegistrySnapshot.api(stack.http);

            stack.restart();
            assertEquals(before, RegistrySnapshot.api(stack.http));

            // The sequencer's index survives too, even with its local state gone (rebuilt from the log).
            stack.stop();
            deleteRecursively(stack.stateDir);
            stack.restart();
            assertEquals(before, RegistrySnapshot.api(stack.http));
            Answer next = stack.http.register("orders-value",
                    avroRecord("R", field("a", "string"), fieldWithDefault("b", "int", "0"),
                            fieldWithDefault("c", "string", "\"\"")));
            assertEquals(200, next.status(), next.raw());
            assertEquals(4, next.body().get("id").asInt(), "ids continue after the highest one, never reused");
            assertEquals("[1,2,3]", stack.http.get("/subjects/orders-value/versions").raw());
        }
    }

    @Test
    void wipedProjectionsRebuildFromTheLogToIdenticalState() throws Exception {
        try (RegistryStack stack = RegistryStack.start()) {
            long lastSeq = populate(stack.http);
            awaitSeq(stack, lastSeq);
            Map<String, String> apiBefore = RegistrySnapshot.api(stack.http);
            Map<String, List<String>> pgBefore = RegistrySnapshot.postgres(stack.database);
            Map<String, String> redisBefore = RegistrySnapshot.redis(stack.redisPrefix);
            assertFalse(redisBefore.isEmpty());
            assertTrue(pgBefore.values().stream().anyMatch(rows -> !rows.isEmpty()));

            stack.stop();
            stack.database.truncateReadModel();
            stack.wipeRedis();
            assertTrue(RegistrySnapshot.redis(stack.redisPrefix).isEmpty());
            stack.restart();

            awaitSeq(stack, lastSeq);
            assertEquals(pgBefore, RegistrySnapshot.postgres(stack.database));
            assertEquals(redisBefore, RegistrySnapshot.redis(stack.redisPrefix));
            assertEquals(apiBefore, RegistrySnapshot.api(stack.http));
        }
    }

    @Test
    void projectionsBuiltFromAnotherLogAreEmptiedNotResumed() throws Exception {
        try (RegistryStack stack = RegistryStack.start()) {
            populate(stack.http);
            // Same database and Redis prefix, but a new log (as after recreating the cluster): the old offsets mean
            // nothing there, so the projections must start over instead of skipping the new log's first records.
            stack.restartOnNewLog();
            Answer reg = stack.http.register("fresh-value", avroRecord("F", field("f", "string")));
            assertEquals(200, reg.status(), reg.raw());
            assertEquals(1, reg.body().get("id").asInt());
            assertEquals("[\"fresh-value\"]", stack.http.get("/subjects?deleted=true").raw());
            assertEquals("[1]", stack.http.get("/subjects/fresh-value/versions").raw());
        }
    }

    private static void awaitSeq(RegistryStack stack, long seq) throws Exception {
        Answer a = stack.http.get("/subjects", Map.of("X-Registry-Min-Seq", Long.toString(seq)));
        if (a.status() != 200) {
            throw new AssertionError("projections did not reach " + seq + ": " + a.status() + " " + a.raw()
                    + "; postgres checkpoint " + RegistrySnapshot.postgres(stack.database).get("projection_checkpoint")
                    + "; redis " + RegistrySnapshot.redis(stack.redisPrefix));
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
