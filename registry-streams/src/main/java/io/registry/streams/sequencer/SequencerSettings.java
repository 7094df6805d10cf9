package io.registry.streams.sequencer;

import io.registry.kafka.TopicLayout;
import io.registry.streams.region.RegionFence;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param commitInterval  how long Kafka Streams may batch commands into one transaction: the floor of write latency
 * @param standbyReplicas warm copies of the index on other sequencer nodes, for fast failover
 * @param indexStore      where the sequencer keeps its index between commits (see {@link IndexStoreKind})
 * @param region          whether this region may still write, and the lowest id it may give (after a promotion)
 */
public record SequencerSettings(String bootstrapServers, TopicLayout layout, String applicationId, Path stateDir,
                                Duration commitInterval, int standbyReplicas, IndexStoreKind indexStore,
                                RegionFence region) {
}
