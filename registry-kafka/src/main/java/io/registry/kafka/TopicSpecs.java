package io.registry.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.List;
import java.util.Map;

/** What each of the three topics must look like when we create it (DESIGN §3). */
final class TopicSpecs {
    /** Commands and replies only matter while a request waits for its answer; an hour covers any retry. */
    static final String SHORT_RETENTION_MS = Long.toString(60L * 60 * 1000);
    /**
     * Retention deletes whole closed segments only; with the default 7-day {@code segment.ms} the "1 hour" topics
     * would keep a week of traffic. Ten-minute segments make retention effective within ~70 minutes.
     */
    static final String SHORT_SEGMENT_MS = Long.toString(10L * 60 * 1000);

    private TopicSpecs() {
    }

    static List<NewTopic> of(TopicLayout layout) {
        String minIsr = Integer.toString(layout.minInsyncReplicas());
        NewTopic log = new NewTopic(layout.log(), 1, layout.replicationFactor()).configs(Map.of(
                // One partition: the log is one total order. Compacted: it is kept forever, last value per key.
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr,
                // The log is the truth: never let an out-of-sync replica become leader and drop acknowledged events
                // (already Kafka's default; explicit so a broker-wide override cannot change it).
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false"));
        NewTopic commands = new NewTopic(layout.commands(), 1, layout.replicationFactor()).configs(Map.of(
                // One partition: a single sequencer task consumes every command, in order.
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, SHORT_RETENTION_MS,
                TopicConfig.SEGMENT_MS_CONFIG, SHORT_SEGMENT_MS,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr));
        NewTopic replies = new NewTopic(layout.replies(), layout.replyPartitions(), layout.replicationFactor()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, SHORT_RETENTION_MS,
                TopicConfig.SEGMENT_MS_CONFIG, SHORT_SEGMENT_MS,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr));
        NewTopic audit = new NewTopic(layout.audit(), 1, layout.replicationFactor()).configs(Map.of(
                // One partition: the chain is one order. Never compacted or expired: it is the audit trail.
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr,
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false"));
        return List.of(log, commands, replies, audit);
    }
}
