package io.registry.streams.sequencer;

import io.registry.kafka.TopicLayout;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param commitInterval  how long Kafka Streams may batch commands into one transaction: the floor of write latency
 * @param standbyReplicas warm copies of the index on other sequencer nodes, for fast failover
 * @param indexStore      where the sequencer keeps its index between commits (see {@link IndexStoreKind})
 * @param requireGrants   security is on: a command must carry its sender's grants, and they must allow it
 */
public record SequencerSettings(String bootstrapServers, TopicLayout layout, String applicationId, Path stateDir,
                                Duration commitInterval, int standbyReplicas, IndexStoreKind indexStore,
                                boolean requireGrants) {
    public SequencerSettings(String bootstrapServers, TopicLayout layout, String applicationId, Path stateDir,
                             Duration commitInterval, int standbyReplicas, IndexStoreKind indexStore) {
        this(bootstrapServers, layout, applicationId, stateDir, commitInterval, standbyReplicas, indexStore, false);
    }
}
