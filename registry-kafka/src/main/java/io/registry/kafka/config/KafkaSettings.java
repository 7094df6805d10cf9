package io.registry.kafka.config;

import io.micronaut.context.annotation.Value;
import io.registry.kafka.TopicLayout;
import jakarta.inject.Singleton;

/**
 * {@code registry.kafka.bootstrap-servers} and {@code registry.topics.*}: where the log lives. Shared by every
 * role so the API and the sequencer can never disagree about topic names.
 */
@Singleton
public class KafkaSettings {
    private final String bootstrapServers;
    private final TopicLayout layout;

    public KafkaSettings(
            @Value("${registry.kafka.bootstrap-servers:`localhost:9092`}") String bootstrapServers,
            @Value("${registry.topics.log:_schemas}") String log,
            @Value("${registry.topics.commands:_registry_commands}") String commands,
            @Value("${registry.topics.replies:_registry_replies}") String replies,
            @Value("${registry.topics.reply-partitions:4}") int replyPartitions,
            @Value("${registry.topics.replication-factor:1}") short replicationFactor,
            @Value("${registry.topics.min-insync-replicas:1}") int minInsyncReplicas,
            @Value("${registry.topics.audit:_registry_audit}") String audit) {
        this.bootstrapServers = bootstrapServers;
        this.layout = new TopicLayout(log, commands, replies, replyPartitions, replicationFactor, minInsyncReplicas,
                audit);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public TopicLayout layout() {
        return layout;
    }
}
