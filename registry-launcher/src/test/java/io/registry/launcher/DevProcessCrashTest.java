package io.registry.launcher;

import io.registry.testkit.RedisKeyspace;
import io.registry.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failure matrix: the whole {@code ./registry dev} JVM (embedded broker, sequencer, projectors, API) is SIGKILLed
 * in the middle of concurrent registrations and started again on the same data directory, {@value #KILLS} times in
 * a row. Under 8 concurrent clients the sequencer is inside a transaction almost all the time, so most kills land
 * inside one. Each restart must start cleanly (no stale data-directory lock), hold every acknowledged registration,
 * and take writes again within {@link #WRITES_RESUME_MS} of answering reads: the dead sequencer's open transaction
 * (on the log, the audit, the replies and its offset commit in {@code __consumer_offsets}) must be completed.
 */
class DevProcessCrashTest {
    static final int KILLS = 5;
    /**
     * The bound on writes resuming after the API answers: the dead JVM's group session and its open transaction
     * expire (10 s each by default) and the sequencer rebuilds its index; generous for a busy 2-core test host.
     */
    static final long WRITES_RESUME_MS = 60_000;

    @Test
    void aKilledDevJvmRestartsCleanlyWithEveryAcknowledgedWriteAndTakesWritesAgain() throws Exception {
        Path dataDir = Files.createTempDirectory("registry-dev-crash-");
        try (ThrowawayDatabase db = ThrowawayDatabase.create(); RedisKeyspace redis = RedisKeyspace.create()) {
            int port = freePort();
            int kafkaPort = freePort();
            String bootstrap = "127.0.0.1:" + kafkaPort;
            Map<String, String> env = Map.of(
                    "REGISTRY_DATA_DIR", dataDir.toString(),
                    "REGISTRY_PORT", Integer.toString(port),
                    "REGISTRY_KAFKA_PORT", Integer.toString(kafkaPort),
                    "REGISTRY_DB", db.name());
            Map<String, Object> props = Map.of("registry.redis.key-prefix", redis.prefix());
            RegistryHttp http = new RegistryHttp(URI.create("http://127.0.0.1:" + port));

            AcknowledgedWrites acknowledged = new AcknowledgedWrites();
            int killsInsideTransaction = 0;
            for (int run = 0; run <= KILLS; run++) {
                String name = (run == 0 ? "dev-first-" : "dev-restart" + run + "-") + db.name();
                try (RegistryProcess dev = RegistryProcess.start("dev", props, env, name)) {
                    awaitReady(http, dev);
                    if (run > 0) {
                        assertFalse(dev.output().contains("already used by another running"),
                                "stale lock: " + dev.output());
                        long resumedMs = awaitWritesResume(http, dev, bootstrap, "devcrash-probe" + run,
                                acknowledged);
                        System.out.printf("restart %d: writes resumed %d ms after the API answered%n", run, resumedMs);
                        // Read once writes work again: the dead transaction has ended by then, so its abort is logged.
                        if (dev.output().toLowerCase(Locale.ROOT).contains("rollback of ongoing transaction")) {
                            killsInsideTransaction++;
                        }
                        acknowledged.verifyLog(bootstrap, "_schemas");
                        acknowledged.verifyApi(http);
                    }
                    if (run == KILLS) {
                        break;
                    }
                    int before = acknowledged.size();
                    RegistrationLoad load = RegistrationLoad.start(http, "devcrash" + run + "-", 4, 8, acknowledged);
                    load.awaitAcknowledged(before + 20, 120_000);
                    // Aim the kill inside a sequencer transaction: kill as soon as the broker reports one ongoing
                    // (a transaction lasts the 10 ms commit interval or more, so most kills land inside it).
                    OpenTransactions.awaitOngoing(bootstrap, 10_000);
                    dev.kill();
                    load.close();
                    System.out.printf("dev JVM killed (%d of %d) with %d acknowledged registrations in all (%d failed)%n",
                            run + 1, KILLS, acknowledged.size(), load.failed.get());
                }
            }
            // The broker logs its timeout abort of the dead sequencer's transaction at the restart: proof the kill
            // landed inside one. Most must have, or this test did not test what it claims.
            System.out.printf("%d of %d kills landed inside a sequencer transaction%n", killsInsideTransaction, KILLS);
            assertTrue(killsInsideTransaction >= 2, killsInsideTransaction + " of " + KILLS
                    + " kills landed inside a sequencer transaction");
        } finally {
            deleteRecursively(dataDir);
        }
    }

    /**
     * Registers one new schema, retrying refusals, until one is acknowledged; fails after {@link #WRITES_RESUME_MS}
     * with the broker's view of the open transactions. Returns how long it took.
     */
    private static long awaitWritesResume(RegistryHttp http, RegistryProcess dev, String bootstrap, String subject,
                                          AcknowledgedWrites acknowledged) throws Exception {
        long started = System.currentTimeMillis();
        long deadline = started + WRITES_RESUME_MS;
        while (System.currentTimeMillis() < deadline) {
            assertTrue(dev.alive(), "the node exited:\n" + dev.output());
            String schema = avroRecord("Probe", field("f", "string"));
            if (acknowledged.record(subject, schema, http.register(subject, schema))) {
                return System.currentTimeMillis() - started;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("writes did not resume within " + WRITES_RESUME_MS + " ms of the restart ; open transactions: " + OpenTransactions.describe(bootstrap));
    }

    /** Polls until the API answers (bounded); fails at once with the node's output if its JVM exited. */
    static void awaitReady(RegistryHttp http, RegistryProcess node) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            assertTrue(node.alive(), "the node exited:\n" + node.output());
            try {
                if (http.get("/subjects").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // connection refused: still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the node did not answer within 180 s:\n" + node.output());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
