package io.registry.kafka.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A real multi-broker Kafka cluster inside this JVM, for failure tests: one dedicated KRaft controller plus
 * {@code n} broker-only nodes, internal topics replicated {@code min(n, 3)}-fold with {@code min.insync.replicas}
 * 2. Brokers can be stopped and restarted one by one (same port, same data); the controller stays up, so the
 * metadata quorum survives any number of stopped brokers. Lives in a temporary directory that {@link #close()}
 * deletes.
 */
public final class EmbeddedKafkaCluster implements KafkaBackend {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    private static final int CONTROLLER_ID = 100;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** A broker's controlled shutdown moves its leaderships away; with the controller up it takes ~1 s. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path root;
    private final KafkaRaftServer controller;
    private final List<BrokerNode> brokers;

    private EmbeddedKafkaCluster(Path root, KafkaRaftServer controller, List<BrokerNode> brokers) {
        this.root = root;
        this.controller = controller;
        this.brokers = brokers;
    }

    /** Starts the controller and {@code brokerCount} brokers; returns when every broker is registered and unfenced. */
    public static EmbeddedKafkaCluster startTemporary(int brokerCount) {
        if (brokerCount < 1) {
            throw new IllegalArgumentException("a cluster needs at least one broker, got " + brokerCount);
        }
        long started = System.nanoTime();
        Path root;
        try {
            root = Files.createTempDirectory("embedded-kafka-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for an embedded Kafka cluster", e);
        }
        String clusterId = Uuid.randomUuid().toString();
        int controllerPort = FreePorts.pick();
        KafkaRaftServer controller = null;
        List<BrokerNode> brokers = new ArrayList<>();
        try {
            Path controllerDir = root.resolve("controller");
            KafkaStorage.prepare(controllerDir);
            KafkaStorage.formatIfNeeded(controllerDir, CONTROLLER_ID, BrokerSettings.CONTROLLER_LISTENER, clusterId);
            controller = launch(BrokerSettings.controller(CONTROLLER_ID, KafkaStorage.logDir(controllerDir),
                    controllerPort));
            for (int id = 1; id <= brokerCount; id++) {
                Path dir = root.resolve("broker-" + id);
                KafkaStorage.prepare(dir);
                KafkaStorage.formatIfNeeded(dir, id, BrokerSettings.CONTROLLER_LISTENER, clusterId);
                int port = FreePorts.pick();
                BrokerNode node = new BrokerNode(id, port, dir, BrokerSettings.brokerOnly(id, KafkaStorage.logDir(dir),
                        port, CONTROLLER_ID, controllerPort, brokerCount));
                brokers.add(node);
                node.start();
            }
            EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(root, controller, brokers);
            cluster.awaitBrokers(brokers.stream().map(b -> b.id).collect(Collectors.toSet()), READY_TIMEOUT);
            LOG.info("Embedded Kafka cluster ready at {} in {} ms", cluster.bootstrapServers(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return cluster;
        } catch (RuntimeException | Error e) {
            stopAll(brokers, controller);
            KafkaStorage.deleteRecursively(root);
            throw e;
        }
    }

    /** Every broker's address (stopped ones included: clients skip them and find them again after a restart). */
    @Override
    public String bootstrapServers() {
        return brokers.stream().map(b -> FreePorts.HOST + ":" + b.port).collect(Collectors.joining(","));
    }

    public int brokerCount() {
        return brokers.size();
    }

    /** Stops broker {@code id} (1-based) as a broker host going down would; its data stays for a restart. */
    public void stopBroker(int id) {
        broker(id).stop();
    }

    /** Restarts a stopped broker on its old port and data; returns once it is registered and unfenced again. */
    public void startBroker(int id) {
        BrokerNode node = broker(id);
        node.start();
        awaitBrokers(Set.of(id), READY_TIMEOUT);
    }

    /** The log directory of broker {@code id}: {@code <dir>/<topic>-<partition>/} holds a replica's segments. */
    public Path logDir(int id) {
        return KafkaStorage.logDir(broker(id).dir);
    }

    /**
     * Waits until every partition of {@code topics} has its full replica set in sync (after a restarted broker
     * caught up), so that stopping brokers again cannot leave a partition without an in-sync leader.
     */
    public void awaitFullIsr(Collection<String> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            String lagging = "?";
            while (System.nanoTime() < deadline) {
                try {
                    Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                            .get(5, TimeUnit.SECONDS);
                    lagging = described.values().stream()
                            .flatMap(d -> d.partitions().stream()
                                    .filter(p -> p.isr().size() < p.replicas().size())
                                    .map(p -> d.name() + "-" + p.partition() + " isr " + ids(p)))
                            .collect(Collectors.joining(", "));
                    if (lagging.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    lagging = e.toString();
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("Replicas not back in sync within " + timeout.toSeconds() + " s: " + lagging);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for in-sync replicas", e);
        }
    }

    private static String ids(TopicPartitionInfo p) {
        return p.isr().stream().map(Node::id).toList().toString();
    }

    /** Stops the brokers in parallel, then the controller (one by one, the last broker's shutdown can hang). */
    @Override
    public void close() {
        stopAll(brokers, controller);
        KafkaStorage.deleteRecursively(root);
    }

    private static void stopAll(List<BrokerNode> brokers, KafkaRaftServer controller) {
        CompletableFuture.allOf(brokers.stream()
                .map(b -> CompletableFuture.runAsync(b::stop))
                .toArray(CompletableFuture[]::new)).join();
        if (controller != null && !EmbeddedKafkaBroker.stop(controller, STOP_TIMEOUT)) {
            LOG.warn("The embedded controller did not stop within {} s", STOP_TIMEOUT.toSeconds());
        }
    }

    private BrokerNode broker(int id) {
        if (id < 1 || id > brokers.size()) {
            throw new IllegalArgumentException("no broker " + id + " (brokers are 1.." + brokers.size() + ")");
        }
        return brokers.get(id - 1);
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(props);
    }

    /** describeCluster lists registered, unfenced brokers only. */
    private void awaitBrokers(Set<Integer> ids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            Exception last = null;
            while (System.nanoTime() < deadline) {
                try {
                    Set<Integer> up = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream()
                            .map(Node::id).collect(Collectors.toSet());
                    if (up.containsAll(ids)) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("Brokers " + ids + " not ready within " + timeout.toSeconds() + " s", last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for brokers " + ids, e);
        }
    }

    private static KafkaRaftServer launch(Map<String, Object> config) {
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            EmbeddedKafkaBroker.stop(server, STOP_TIMEOUT);
            throw e;
        }
        return server;
    }

    private static final class BrokerNode {
        final int id;
        final int port;
        final Path dir;
        final Map<String, Object> config;
        private KafkaRaftServer server;

        BrokerNode(int id, int port, Path dir, Map<String, Object> config) {
            this.id = id;
            this.port = port;
            this.dir = dir;
            this.config = config;
        }

        synchronized void start() {
            if (server != null) {
                throw new IllegalStateException("broker " + id + " is already running");
            }
            server = launch(config);
        }

        synchronized void stop() {
            if (server == null) {
                return;
            }
            long started = System.nanoTime();
            if (!EmbeddedKafkaBroker.stop(server, STOP_TIMEOUT)) {
                throw new IllegalStateException("broker " + id + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
            }
            server = null;
            LOG.info("Embedded broker {} stopped in {} ms", id, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }
}
