package io.registry.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.launcher.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 4× saturation: the node admits {@value #MAX_IN_FLIGHT} requests at once and {@value #CLIENTS} clients send reads
 * and writes as fast as they can. Every answer is a success with the right body or a refusal with
 * {@code Retry-After} (429/503): never a 404 for something written, never another schema's body, never an id given
 * to two schemas. Bounded: {@value #OPERATIONS} operations per client.
 */
@FullStackTest.StackProperties("registry.api.max-in-flight=" + OverloadTest.MAX_IN_FLIGHT)
class OverloadTest extends FullStackTest {
    static final int MAX_IN_FLIGHT = 4;
    private static final int CLIENTS = 4 * MAX_IN_FLIGHT;
    private static final int OPERATIONS = 120;
    private static final int SEEDED = 10;

    /** What the registry said: id → schema text, and subject → id of its version 1. */
    private final Map<Integer, String> schemaById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idBySubject = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

    @Test
    void overloadedNodeAnswersRightOrRefusesWithRetryAfter() throws Exception {
        for (int i = 0; i < SEEDED; i++) {
            register("overload-seed-" + i, avroRecord("Seed" + i, field("s" + i, "string")), -1);
        }
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
        assertEquals(SEEDED, schemaById.size());

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                go.await();
                runClient(client);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : clients) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        System.out.println("OverloadTest statuses: " + statuses);
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " wrong answers, e.g.:\n"
                + String.join("\n", wrong.stream().limit(20).toList()));
        int refused = count(429) + count(503);
        assertTrue(refused > 0, "4x saturation must shed something: " + statuses);
        assertTrue(count(200) > 0, "and serve something: " + statuses);
    }

    private void runClient(int client) {
        Random random = new Random(client);
        for (int op = 0; op < OPERATIONS; op++) {
            int dice = random.nextInt(100);
            if (dice < 15) {
                register("overload-" + client + "-" + op,
                        avroRecord("C" + client + "x" + op, field("f" + op, "string")), client);
            } else if (dice < 65) {
                List<Integer> ids = new ArrayList<>(schemaById.keySet());
                readById(ids.get(random.nextInt(ids.size())));
            } else {
                List<String> subjects = new ArrayList<>(idBySubject.keySet());
                readVersion(subjects.get(random.nextInt(subjects.size())), random.nextBoolean() ? "1" : "latest");
            }
        }
    }

    private void register(String subject, String schema, int client) {
        Answer a = http.register(subject, schema);
        if (refused(a, "register " + subject)) {
            return;
        }
        if (a.status() != 200 || !a.body().path("id").isInt()) {
            wrong.add("register " + subject + " (client " + client + "): " + a.status() + " " + a.raw());
            return;
        }
        int id = a.body().get("id").asInt();
        String before = schemaById.putIfAbsent(id, schema);
        if (before != null && !before.equals(schema)) {
            wrong.add("id " + id + " given to two schemas: " + before + " and " + schema);
        }
        idBySubject.put(subject, id);
        // read-your-writes, even overloaded: the id is readable at once (or refused), never a 404
        readById(id);
    }

    private void readById(int id) {
        Answer a = http.get("/schemas/ids/" + id);
        if (refused(a, "GET id " + id)) {
            return;
        }
        if (a.status() != 200 || !sameSchema(a.body().path("schema").asText(), schemaById.get(id))) {
            wrong.add("GET /schemas/ids/" + id + ": " + a.status() + " " + a.raw() + " expected " + schemaById.get(id));
        }
    }

    private void readVersion(String subject, String version) {
        Answer a = http.get("/subjects/" + subject + "/versions/" + version);
        if (refused(a, "GET " + subject + "/" + version)) {
            return;
        }
        int id = idBySubject.get(subject);
        JsonNode body = a.body();
        if (a.status() != 200 || !subject.equals(body.path("subject").asText()) || body.path("version").asInt() != 1
                || body.path("id").asInt() != id || !sameSchema(body.path("schema").asText(), schemaById.get(id))) {
            wrong.add("GET /subjects/" + subject + "/versions/" + version + ": " + a.status() + " " + a.raw());
        }
    }

    /** Counts the status; true when the node refused (fine with {@code Retry-After}, wrong without). */
    private boolean refused(Answer a, String what) {
        statuses.computeIfAbsent(a.status(), s -> new AtomicInteger()).incrementAndGet();
        if (a.status() == 429 || a.status() == 503) {
            if (a.header("Retry-After") == null) {
                wrong.add(what + ": " + a.status() + " without Retry-After " + a.raw());
            }
            return true;
        }
        return false;
    }

    private int count(int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    private static boolean sameSchema(String answered, String expected) {
        try {
            return expected != null && RegistryHttp.JSON.readTree(answered).equals(RegistryHttp.JSON.readTree(expected));
        } catch (IOException e) {
            return false;
        }
    }
}
