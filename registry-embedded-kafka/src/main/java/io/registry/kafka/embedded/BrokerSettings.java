package io.registry.kafka.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The server properties of the single combined broker+controller node. */
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

        // One node: every internal topic must fit on one replica; few partitions keep the first group/transaction fast.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("min.insync.replicas", "1");
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
        return p;
    }
}
