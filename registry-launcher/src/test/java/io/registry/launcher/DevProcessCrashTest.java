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
import java.util.Map;
import java.util.stream.Stream;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failure matrix: the whole {@code ./registry dev} JVM (embedded broker, sequencer, projectors, API) is SIGKILLed
 * in the middle of concurrent registrations and started again on the same data directory. It must start cleanly
 * (no stale data-directory lock) and still hold every acknowledged registration.
 */
class DevProcessCrashTest {

    @Test
    void aKilledDevJvmRestartsCleanlyWithEveryAcknowledgedWrite() throws Exception {
        Path dataDir = Files.createTempDirectory("registry-dev-crash-");
        try (ThrowawayDatabase db = ThrowawayDatabase.create(); RedisKeyspace redis = RedisKeyspace.create()) {
            int port = freePort();
            int kafkaPort = freePort();
            Map<String, String> env = Map.of(
                    "REGISTRY_DATA_DIR", dataDir.toString(),
                    "REGISTRY_PORT", Integer.toString(port),
                    "REGISTRY_KAFKA_PORT", Integer.toString(kafkaPort),
                    "REGISTRY_DB", db.name());
            Map<String, Object> props = Map.of("registry.redis.key-prefix", redis.prefix());
            RegistryHttp http = new RegistryHttp(URI.create("http://127.0.0.1:" + port));

            AcknowledgedWrites acknowledged;
            try (RegistryProcess dev = RegistryProcess.start("dev", props, env, "dev-killed-" + db.name())) {
                awaitReady(http, dev);
                RegistrationLoad load = RegistrationLoad.start(http, "devcrash-", 4, 8);
                load.awaitAcknowledged(30, 120_000);
                dev.kill();
                load.close();
                acknowledged = load.acknowledged;
                System.out.printf("dev JVM killed after %d acknowledged registrations (%d failed)%n",
                        acknowledged.size(), load.failed.get());
            }

            try (RegistryProcess dev = RegistryProcess.start("dev", props, env, "dev-restarted-" + db.name())) {
                awaitReady(http, dev);
                assertFalse(dev.output().contains("already used by another running"), "stale lock: " + dev.output());
                acknowledged.verifyLog("127.0.0.1:" + kafkaPort, "_schemas");
                acknowledged.verifyApi(http);
                // Not asserted here: that writes resume after the restart. In some runs (the kill landing inside a
                // sequencer transaction) the restarted embedded broker never completes the dead producer's
                // transaction: the commands' offset fetch reports "unstable offsets" and the log's last stable offset
                // stays behind it for over 60 s, so writes answer 50002. Open defect, see README "Kafka and process
                // failures". The row's invariant (clean start, no stale lock, every acknowledged id) is asserted above.
            }
        } finally {
            deleteRecursively(dataDir);
        }
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
