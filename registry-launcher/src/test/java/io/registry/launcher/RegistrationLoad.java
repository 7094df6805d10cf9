package io.registry.launcher;

import io.registry.launcher.RegistryHttp.Answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent clients registering distinct schemas into a few subjects (compatibility NONE) until stopped, each
 * acknowledged registration recorded in {@link #acknowledged}. Failed writes (timeouts while a failure lasts) are
 * counted, not retried: only acknowledged ones carry a promise.
 */
final class RegistrationLoad implements AutoCloseable {
    final AcknowledgedWrites acknowledged;
    final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;
    private final List<Future<?>> loops = new ArrayList<>();

    private RegistrationLoad(ExecutorService clients, AcknowledgedWrites acknowledged) {
        this.clients = clients;
        this.acknowledged = acknowledged;
    }

    static RegistrationLoad start(RegistryHttp http, String prefix, int subjects, int clientCount) {
        return start(http, prefix, subjects, clientCount, new AcknowledgedWrites());
    }

    /** As above, recording into {@code acknowledged} (shared by several loads against the same registry). */
    static RegistrationLoad start(RegistryHttp http, String prefix, int subjects, int clientCount,
                                  AcknowledgedWrites acknowledged) {
        for (int s = 0; s < subjects; s++) {
            // Retried: the first write also waits for a freshly started sequencer JVM to take the commands.
            long deadline = System.currentTimeMillis() + 180_000;
            Answer config;
            do {
                config = http.put("/config/" + prefix + s, Map.of("compatibility", "NONE"));
            } while (config.status() != 200 && System.currentTimeMillis() < deadline);
            assertEquals(200, config.status(), config.raw());
        }
        RegistrationLoad load = new RegistrationLoad(Executors.newFixedThreadPool(clientCount), acknowledged);
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            load.loops.add(load.clients.submit(() -> {
                for (int n = 0; load.running.get(); n++) {
                    String subject = prefix + ((client + n) % subjects);
                    String schema = avroRecord("C" + client + "N" + n, field("f" + n, "string"));
                    if (!load.register(http, subject, schema)) {
                        load.failed.incrementAndGet();
                        Thread.sleep(50); // a node down refuses at once: do not spin
                    }
                }
                return null;
            }));
        }
        return load;
    }

    /** False when the write failed, including when the node could not be reached at all. */
    private boolean register(RegistryHttp http, String subject, String schema) {
        try {
            return acknowledged.record(subject, schema, http.register(subject, schema));
        } catch (IllegalStateException connectionFailed) {
            return false;
        }
    }

    /** Waits (bounded) until {@code count} registrations in all have been acknowledged. */
    void awaitAcknowledged(int count, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (acknowledged.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(acknowledged.size() >= count, "only " + acknowledged.size() + " of " + count
                + " registrations acknowledged within " + timeoutMs + " ms (" + failed.get() + " failed)");
    }

    /** Stops the clients and waits for their last requests (bounded by the HTTP client's timeout). */
    @Override
    public void close() throws Exception {
        running.set(false);
        clients.shutdown();
        for (Future<?> loop : loops) {
            loop.get(150, TimeUnit.SECONDS);
        }
    }
}
