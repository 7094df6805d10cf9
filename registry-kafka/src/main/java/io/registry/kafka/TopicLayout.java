package io.registry.kafka;

import java.util.Objects;

/**
 * Names and settings of the registry's topics (DESIGN §3): the compacted single-partition log, the command
 * topic the sequencer consumes, the reply topic the API nodes wait on, and the uncompacted audit topic (the hash
 * chain over every log record, kept whole although compaction drops superseded log records).
 *
 * @param replyPartitions    partitions of the reply topic (API nodes spread their reply traffic over them)
 * @param replicationFactor  for all three topics (3 in production, 1 on a single dev/test broker)
 * @param minInsyncReplicas  {@code min.insync.replicas} for all three topics (2 in production)
 * @param audit              the audit topic (1 partition, never compacted, kept forever)
 */
public record TopicLayout(String log, String commands, String replies, int replyPartitions,
                          short replicationFactor, int minInsyncReplicas, String audit) {
    public static final String DEFAULT_AUDIT = "_registry_audit";

    /** With the default audit topic name. */
    public TopicLayout(String log, String commands, String replies, int replyPartitions, short replicationFactor,
                       int minInsyncReplicas) {
        this(log, commands, replies, replyPartitions, replicationFactor, minInsyncReplicas, DEFAULT_AUDIT);
    }

    public TopicLayout {
        requireName(audit, "audit");
        if (audit.equals(log) || audit.equals(commands) || audit.equals(replies)) {
            throw new IllegalArgumentException("The audit topic must differ from the log, commands and replies topics: "
                    + audit);
        }
        requireName(log, "log");
        requireName(commands, "commands");
        requireName(replies, "replies");
        if (log.equals(commands) || log.equals(replies) || commands.equals(replies)) {
            throw new IllegalArgumentException("The log, commands and replies topics must be three different topics: "
                    + log + ", " + commands + ", " + replies);
        }
        if (replyPartitions < 1) {
            throw new IllegalArgumentException("replyPartitions must be at least 1, got " + replyPartitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1, got " + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("minInsyncReplicas must be between 1 and the replication factor ("
                    + replicationFactor + "), got " + minInsyncReplicas);
        }
    }

    /** The single-broker layout (dev mode, tests): {@code _schemas}, {@code _registry_commands}, {@code _registry_replies}, 4 reply partitions, RF 1, min ISR 1. */
    public static TopicLayout defaults() {
        return new TopicLayout("_schemas", "_registry_commands", "_registry_replies", 4, (short) 1, 1);
    }

    private static void requireName(String name, String role) {
        Objects.requireNonNull(name, role + " topic name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("The " + role + " topic name must not be blank");
        }
    }
}
