package io.registry.kafka.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.registry.kafka.TopicLayout;

/**
 * {@code registry.kafka.*} and {@code registry.topics.*}: where the log lives. Shared by every role so the API
 * and the sequencer can never disagree about topic names.
 */
@ConfigurationProperties("registry")
public class KafkaSettings {
    private final Kafka kafka = new Kafka();
    private final Topics topics = new Topics();

    public Kafka getKafka() {
        return kafka;
    }

    public Topics getTopics() {
        return topics;
    }

    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    public TopicLayout layout() {
        return new TopicLayout(topics.getLog(), topics.getCommands(), topics.getReplies(),
                topics.getReplyPartitions(), topics.getReplicationFactor(), topics.getMinInsyncReplicas());
    }

    @ConfigurationProperties("kafka")
    public static class Kafka {
        private String bootstrapServers = "localhost:9092";

        public String getBootstrapServers() {
            return bootstrapServers;
        }

        public void setBootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
        }
    }

    @ConfigurationProperties("topics")
    public static class Topics {
        private final TopicLayout defaults = TopicLayout.defaults();
        private String log = defaults.log();
        private String commands = defaults.commands();
        private String replies = defaults.replies();
        private int replyPartitions = defaults.replyPartitions();
        private short replicationFactor = defaults.replicationFactor();
        private int minInsyncReplicas = defaults.minInsyncReplicas();

        public String getLog() {
            return log;
        }

        public void setLog(String log) {
            this.log = log;
        }

        public String getCommands() {
            return commands;
        }

        public void setCommands(String commands) {
            this.commands = commands;
        }

        public String getReplies() {
            return replies;
        }

        public void setReplies(String replies) {
            this.replies = replies;
        }

        public int getReplyPartitions() {
            return replyPartitions;
        }

        public void setReplyPartitions(int replyPartitions) {
            this.replyPartitions = replyPartitions;
        }

        public short getReplicationFactor() {
            return replicationFactor;
        }

        public void setReplicationFactor(short replicationFactor) {
            this.replicationFactor = replicationFactor;
        }

        public int getMinInsyncReplicas() {
            return minInsyncReplicas;
        }

        public void setMinInsyncReplicas(int minInsyncReplicas) {
            this.minInsyncReplicas = minInsyncReplicas;
        }
    }
}
