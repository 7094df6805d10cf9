package io.registry.kafka;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Checks topics that existed before we started (maybe created by hand, by an older version, or by Confluent's
 * registry whose {@code _schemas} we adopt). What would break correctness fails; what only weakens durability or
 * spreads load differently is logged.
 */
final class TopicChecks {
    private static final Logger LOG = LoggerFactory.getLogger(TopicChecks.class);

    private TopicChecks() {
    }

    static void verify(Map<String, TopicDescription> topics, Config logConfig, TopicLayout layout) {
        TopicDescription log = topics.get(layout.log());
        if (log.partitions().size() != 1) {
            throw new IllegalStateException("Topic '" + layout.log() + "' (the registry log) has "
                    + log.partitions().size() + " partitions but must have exactly 1: the log is one total order of "
                    + "events. Delete and recreate it with 1 partition and cleanup.policy=compact, or configure "
                    + "another log topic name.");
        }
        ConfigEntry policy = logConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        String policyValue = policy == null ? "(not reported)" : policy.value();
        if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policyValue)) {
            throw new IllegalStateException("Topic '" + layout.log() + "' (the registry log) has cleanup.policy="
                    + policyValue + " but must be cleanup.policy=compact, or retention would delete registered schemas. "
                    + "Fix it with: kafka-configs.sh --alter --entity-type topics --entity-name " + layout.log()
                    + " --add-config cleanup.policy=compact");
        }
        TopicDescription commands = topics.get(layout.commands());
        if (commands.partitions().size() != 1) {
            throw new IllegalStateException("Topic '" + layout.commands() + "' (registry commands) has "
                    + commands.partitions().size() + " partitions but must have exactly 1: more partitions would run "
                    + "more than one sequencer task. Delete and recreate it with 1 partition.");
        }
        int logReplicas = log.partitions().get(0).replicas().size();
        if (logReplicas < layout.replicationFactor()) {
            LOG.warn("Topic '{}' has replication factor {}, less than the configured {}", layout.log(), logReplicas,
                    layout.replicationFactor());
        }
        ConfigEntry minIsr = logConfig.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        if (minIsr != null && Integer.parseInt(minIsr.value()) < layout.minInsyncReplicas()) {
            LOG.warn("Topic '{}' has min.insync.replicas={}, less than the configured {}", layout.log(), minIsr.value(),
                    layout.minInsyncReplicas());
        }
        int replyPartitions = topics.get(layout.replies()).partitions().size();
        if (replyPartitions != layout.replyPartitions()) {
            LOG.warn("Topic '{}' has {} partitions, not the configured {}; the existing count is used",
                    layout.replies(), replyPartitions, layout.replyPartitions());
        }
    }
}
