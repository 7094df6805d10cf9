package io.registry.kafka.config;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code registry.region.*}: which region this process belongs to and what that region may do. A {@code primary}
 * region owns the log: its sequencer is the only writer. A {@code replica} region never writes any copy of the log:
 * its log is a mirror of the primary's (MirrorMaker 2 into the region's own cluster, or the primary's log read
 * directly across the link), its projectors and API nodes serve reads locally, and its writes travel as commands to
 * the primary's cluster. Every role reads the same settings, so the API, the projectors and the sequencer can never
 * disagree about where the log and the commands live.
 */
@Singleton
public class RegionSettings {
    /** How a replica region receives the log. */
    public enum LogSource { MIRROR, DIRECT }

    public enum Role { PRIMARY, REPLICA }

    private final String name;
    private final Role role;
    private final String primaryBootstrapServers;
    private final LogSource logSource;
    private final Duration primaryTimeout;
    private final Duration maxStaleness;
    private final boolean refuseStaleReads;
    private final String directoryTopic;
    private final Duration fenceCheckInterval;
    private final String advertisedBootstrapServers;
    private final KafkaSettings kafka;

    public RegionSettings(KafkaSettings kafka,
                          @Value("${registry.region.name:local}") String name,
                          @Value("${registry.region.role:primary}") String role,
                          @Nullable @Value("${registry.region.primary-bootstrap-servers:}") String primaryBootstrapServers,
                          @Value("${registry.region.log-source:mirror}") String logSource,
                          @Value("${registry.region.primary-timeout:5s}") Duration primaryTimeout,
                          @Value("${registry.region.max-staleness:0s}") Duration maxStaleness,
                          @Value("${registry.region.refuse-stale-reads:false}") boolean refuseStaleReads,
                          @Value("${registry.topics.region:_registry_region}") String directoryTopic,
                          @Value("${registry.region.fence-check-interval:2s}") Duration fenceCheckInterval,
                          @Nullable @Value("${registry.region.advertised-bootstrap-servers:}") String advertised) {
        this.kafka = kafka;
        this.name = name;
        this.role = Role.valueOf(role.trim().toUpperCase(Locale.ROOT));
        this.primaryBootstrapServers = primaryBootstrapServers == null ? "" : primaryBootstrapServers.trim();
        this.logSource = LogSource.valueOf(logSource.trim().toUpperCase(Locale.ROOT));
        this.primaryTimeout = primaryTimeout;
        this.maxStaleness = maxStaleness;
        this.refuseStaleReads = refuseStaleReads;
        this.directoryTopic = directoryTopic;
        this.fenceCheckInterval = fenceCheckInterval;
        this.advertisedBootstrapServers = advertised == null || advertised.isBlank() ? kafka.bootstrapServers()
                : advertised.trim();
        if (this.role == Role.REPLICA && this.primaryBootstrapServers.isEmpty()) {
            throw new IllegalStateException("registry.region.role=replica needs registry.region.primary-bootstrap-servers"
                    + " (the primary region's Kafka cluster)");
        }
    }

    /** A lone primary region with every default (tools and tests that build settings by hand). */
    public static RegionSettings primary(KafkaSettings kafka) {
        return new RegionSettings(kafka, "local", "primary", "", "mirror", Duration.ofSeconds(5), Duration.ZERO, false,
                "_registry_region", Duration.ofSeconds(2), "");
    }

    public String name() {
        return name;
    }

    public boolean isReplica() {
        return role == Role.REPLICA;
    }

    public Role role() {
        return role;
    }

    /** The cluster holding the commands and replies topics: the primary's, whichever region this is. */
    public String commandsBootstrapServers() {
        return isReplica() ? primaryBootstrapServers : kafka.bootstrapServers();
    }

    /** The cluster this region's projectors and lag checks read the log from. */
    public String logBootstrapServers() {
        return isReplica() && logSource == LogSource.DIRECT ? primaryBootstrapServers : kafka.bootstrapServers();
    }

    /** The primary region's cluster (this region's own when it is the primary). */
    public String primaryBootstrapServers() {
        return isReplica() ? primaryBootstrapServers : kafka.bootstrapServers();
    }

    public LogSource logSource() {
        return logSource;
    }

    /** How long a replica's write may wait for the primary before it fails with 503 (50003). */
    public Duration primaryTimeout() {
        return primaryTimeout;
    }

    /** Beyond this, a replica's answers say they are stale ({@code X-Registry-Stale}); zero: no bound. */
    public Duration maxStaleness() {
        return maxStaleness;
    }

    public boolean refuseStaleReads() {
        return refuseStaleReads;
    }

    /** The region directory topic ({@code registry.topics.region}) in each region's cluster. */
    public String directoryTopic() {
        return directoryTopic;
    }

    /** How often a primary asks its peers whether one of them was promoted over it. */
    public Duration fenceCheckInterval() {
        return fenceCheckInterval;
    }

    /** How other regions reach this region's cluster (default: {@code registry.kafka.bootstrap-servers}). */
    public String advertisedBootstrapServers() {
        return advertisedBootstrapServers;
    }
}
