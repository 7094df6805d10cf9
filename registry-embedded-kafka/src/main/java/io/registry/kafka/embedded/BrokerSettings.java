package io.registry.kafka.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Server properties: the single combined broker+controller node, and the nodes of a multi-node test cluster. */
final class BrokerSettings {
    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String BROKER_LISTENER = "PLAINTEXT";

    private BrokerSettings() {
    }

    static Map<String, Object> of(Path logDir, int brokerPort, int controllerPort) {
        String host = FreePorts.HOST;
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        // Static quorum (kraft.version 0): the voter's address comes from config on every start, so the controller
        // port may change between runs on the same data directory.
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());

        // One node: every internal topic must fit on one replica.
        internalTopics(p, 1, 1);
        p.put("min.insync.replicas", "1");
        tuning(p);
        return p;
    }

    /**
     * The single node's controller alone, on the node's own metadata log: run before the node after an unclean stop
     * ({@link DeadIncarnation}). No broker runs meanwhile, so the dead one's session may expire at once: the short
     * session timeout only shortens that wait (the node itself runs with Kafka's default).
     */
    static Map<String, Object> soloController(Path logDir, int controllerPort) {
        return controllerOnly(NODE_ID, logDir, controllerPort, 1000);
    }

    /**
     * A dedicated KRaft controller of a multi-node test cluster (no broker role, so stopping brokers never touches
     * the metadata quorum).
     */
    static Map<String, Object> controller(int nodeId, Path logDir, int controllerPort) {
        // The controller fences a stopped broker (and moves its leaderships) after this session timeout.
        return controllerOnly(nodeId, logDir, controllerPort, 3000);
    }

    private static Map<String, Object> controllerOnly(int nodeId, Path logDir, int controllerPort, int sessionMs) {
        String host = FreePorts.HOST;
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", nodeId + "@" + host + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        p.put("listener.security.protocol.map", CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        p.put("server.max.startup.time.ms", "60000");
        p.put("broker.session.timeout.ms", Integer.toString(sessionMs));
        p.put("broker.heartbeat.interval.ms", "500");
        return p;
    }

    /** A broker-only node of a multi-node test cluster whose internal topics are replicated like production's. */
    static Map<String, Object> brokerOnly(int nodeId, Path logDir, int brokerPort, int controllerNodeId,
                                          int controllerPort, int brokers) {
        String host = FreePorts.HOST;
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", controllerNodeId + "@" + host + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        int minIsr = Math.min(2, brokers);
        internalTopics(p, brokers, minIsr);
        p.put("min.insync.replicas", Integer.toString(minIsr));
        p.put("broker.heartbeat.interval.ms", "500");
        // A restarted replica rejoins the ISR quickly once caught up; a lagging one leaves it within seconds.
        p.put("replica.lag.time.max.ms", "5000");
        tuning(p);
        return p;
    }

    private static void internalTopics(Map<String, Object> p, int replicas, int minIsr) {
        // Few partitions keep the first group/transaction fast.
        p.put("offsets.topic.replication.factor", Integer.toString(replicas));
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", Integer.toString(replicas));
        p.put("transaction.state.log.min.isr", Integer.toString(minIsr));
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        p.put("share.coordinator.state.topic.min.isr", Integer.toString(minIsr));
        p.put("share.coordinator.state.topic.num.partitions", "1");
    }

    private static void tuning(Map<String, Object> p) {
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created on purpose (TopicBootstrap, Kafka Streams); a typo must not create a topic.
        p.put("auto.create.topics.enable", "false");

        // Compaction must really run (the log topic is compacted). The default 128 MiB dedupe buffer is allocated on
        // the heap at start; 8 MiB still dedupes ~300k keys per pass. Checking every second makes it observable.
        p.put("log.cleaner.enable", "true");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("log.cleaner.backoff.ms", "1000");

        // A dev/test node on a laptop: fewer threads than the server defaults.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "2");

        // Never wait forever for the node to come up (the default is Long.MAX_VALUE).
        p.put("server.max.startup.time.ms", "60000");

        // Failover tests shorten the sequencer's session (registry.sequencer.session-timeout) below the broker's
        // 6 s floor, and need a dead sequencer's open transaction aborted soon after its (short) timeout instead of
        // at the next 10 s sweep.
        p.put("group.min.session.timeout.ms", "1000");
        p.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
    }
}
