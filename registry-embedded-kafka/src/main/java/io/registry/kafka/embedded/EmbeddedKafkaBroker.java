package io.registry.kafka.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real single-node Kafka (KRaft, combined broker+controller) running inside this JVM, for {@code ./registry dev}
 * and the tests. Transactions, consumer groups and log compaction work as on a real cluster; only the replication
 * factor is 1. Clients connect to {@code 127.0.0.1} only.
 *
 * <p>Kafka's threads are not daemon threads: a program that started a node must {@link #close()} it (e.g. from a
 * shutdown hook, which Ctrl-C runs) or its JVM will not end.
 */
public final class EmbeddedKafkaBroker implements KafkaBackend {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** A single combined node has no partition leadership to hand over, so a clean stop takes well under this. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    /** Only ports we picked ourselves can be lost to a race; retry those a few times. */
    private static final int BIND_ATTEMPTS = 3;

    private final Path dataDir;
    private final int port;
    private final KafkaRaftServer server;
    private final DataDirLock lock;
    private final boolean deleteOnClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(Path dataDir, int port, KafkaRaftServer server, DataDirLock lock, boolean deleteOnClose) {
        this.dataDir = dataDir;
        this.port = port;
        this.server = server;
        this.lock = lock;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Starts a node whose log dirs and metadata live in {@code dataDir}; a directory formatted by an earlier run is
     * reused with all its data. Returns once the broker is registered and answers clients. After an unclean stop of
     * the previous run (SIGKILL: no clean-shutdown marker), the node's controller first runs alone until it has fenced
     * the dead broker, a few seconds ({@link DeadIncarnation} says why).
     *
     * @param port the PLAINTEXT listener port on 127.0.0.1; 0 picks a free one
     * @throws IllegalStateException with a plain explanation if the port is taken, the directory is unusable or the
     *                               node does not come up within a minute
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, false);
    }

    /** Starts a node on a free port in a fresh temporary directory that {@link #close()} deletes. */
    public static EmbeddedKafkaBroker startTemporary() {
        Path dir;
        try {
            dir = Files.createTempDirectory("embedded-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for embedded Kafka", e);
        }
        try {
            return start(dir, 0, true);
        } catch (RuntimeException | Error e) {
            KafkaStorage.deleteRecursively(dir);
            throw e;
        }
    }

    private static EmbeddedKafkaBroker start(Path dataDir, int port, boolean deleteOnClose) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Kafka port must be 0 (any free port) or 1-65535, got " + port);
        }
        long started = System.nanoTime();
        KafkaStorage.prepare(dataDir);
        DataDirLock lock = DataDirLock.acquire(dataDir);
        EmbeddedKafkaBroker broker;
        try {
            if (port != 0) {
                FreePorts.requireFree(port);
            }
            if (DeadIncarnation.mayBeRegistered(dataDir)) {
                DeadIncarnation.fence(dataDir);
            }
            KafkaStorage.formatIfNeeded(dataDir, BrokerSettings.NODE_ID, BrokerSettings.CONTROLLER_LISTENER);
            broker = launchWithRetries(dataDir, port, lock, deleteOnClose);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
        try {
            broker.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.info("Embedded Kafka ready at {} in {} ms (data in {})", broker.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir.toAbsolutePath());
        return broker;
    }

    private static EmbeddedKafkaBroker launchWithRetries(Path dataDir, int port, DataDirLock lock, boolean deleteOnClose) {
        for (int attempt = 1; ; attempt++) {
            int brokerPort = port != 0 ? port : FreePorts.pick();
            int controllerPort = FreePorts.pick();
            while (controllerPort == brokerPort) {
                controllerPort = FreePorts.pick();
            }
            try {
                KafkaRaftServer server = launch(dataDir, brokerPort, controllerPort);
                return new EmbeddedKafkaBroker(dataDir, brokerPort, server, lock, deleteOnClose);
            } catch (RuntimeException e) {
                if (!isBindFailure(e)) {
                    throw failure(dataDir, brokerPort, e);
                }
                if (port != 0 && !isFree(port)) {
                    throw FreePorts.portInUse(port, e);
                }
                if (attempt >= BIND_ATTEMPTS) {
                    throw failure(dataDir, brokerPort, e);
                }
                LOG.info("A port picked for embedded Kafka was taken meanwhile; retrying ({})", rootMessage(e));
            }
        }
    }

    private static KafkaRaftServer launch(Path dataDir, int brokerPort, int controllerPort) {
        KafkaConfig config = new KafkaConfig(
                BrokerSettings.of(KafkaStorage.logDir(dataDir), brokerPort, controllerPort), false);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            // startup() shuts down what it started on most failures; make sure nothing (ports, dir lock) lingers.
            stop(server, STOP_TIMEOUT);
            throw e;
        }
        return server;
    }

    /** Waits until the broker is registered and unfenced: describeCluster only lists such brokers. */
    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        Admin admin = Admin.create(props);
        Exception last = null;
        try {
            while (true) {
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    if (nodes.stream().anyMatch(n -> n.id() == BrokerSettings.NODE_ID)) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Embedded Kafka at " + bootstrapServers() + " (data in "
                            + dataDir.toAbsolutePath() + ") did not become ready within " + timeout.toSeconds()
                            + " s; see the Kafka log lines above", last);
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for embedded Kafka to start", e);
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public String bootstrapServers() {
        return FreePorts.HOST + ":" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the node (bounded: gives up with a warning after 15 s) and deletes a temporary directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        if (!stop(server, STOP_TIMEOUT)) {
            // Keep the directory locked: the half-stopped node may still write to it.
            LOG.warn("Embedded Kafka at {} did not stop within {} s; leaving its threads and {} behind",
                    bootstrapServers(), STOP_TIMEOUT.toSeconds(), dataDir.toAbsolutePath());
            return;
        }
        lock.close();
        LOG.info("Embedded Kafka at {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        if (deleteOnClose) {
            KafkaStorage.deleteRecursively(dataDir);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + ", " + dataDir + "]";
    }

    /** Shutdown runs on its own daemon thread so a stuck Kafka component can never block the caller forever. */
    static boolean stop(KafkaRaftServer server, Duration timeout) {
        Thread stopper = new Thread(() -> {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                LOG.warn("Error while stopping embedded Kafka", e);
            }
        }, "embedded-kafka-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !stopper.isAlive();
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFree(int port) {
        try {
            FreePorts.requireFree(port);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static IllegalStateException failure(Path dataDir, int port, Throwable e) {
        return new IllegalStateException("Embedded Kafka failed to start on " + FreePorts.HOST + ":" + port
                + " with data in " + dataDir.toAbsolutePath() + ": " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + root + ")";
    }
}
