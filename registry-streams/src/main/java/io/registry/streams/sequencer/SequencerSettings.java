package io.registry.streams.sequencer;

import io.registry.kafka.TopicLayout;
import io.registry.streams.region.RegionFence;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param commitInterval  how long Kafka Streams may batch commands into one transaction: the floor of write latency
 * @param sessionTimeout  how long a silent sequencer keeps the commands partition before another one takes over
 * @param transactionTimeout how long a dead sequencer's open transaction blocks the log (read_committed readers
 *                        stop at it) before the broker aborts it
 * @param requireGrants   security is on: a command must carry its sender's grants, and they must allow it
 * @param region          whether this region may still write, and the lowest id it may give (after a promotion)
 */
public record SequencerSettings(String bootstrapServers, TopicLayout layout, String applicationId, Path stateDir,
                                Duration commitInterval,
                                Duration sessionTimeout, Duration transactionTimeout, boolean requireGrants,
                                RegionFence region) {
}
