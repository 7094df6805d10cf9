package io.registry.region.mirror;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.registry.kafka.TopicBootstrap;
import io.registry.kafka.config.KafkaSettings;
import io.registry.kafka.config.RegionSettings;
import io.registry.kafka.region.RegionDirectory;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A replica region's streams role: creates the region's own copy of the registry topics, refuses to follow a
 * primary if this region was itself promoted (its log holds writes the primary never saw: mirroring on top would
 * interleave two histories), starts the {@link LogMirror}, and registers the region in the primary's directory so
 * that the primary, should it come back after this region is promoted, learns it was superseded.
 */
@Context
@Requires(property = "registry.region.role", value = "replica")
@Requires(property = "registry.region.log-source", value = "mirror", defaultValue = "mirror")
public class ReplicaMirror implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaMirror.class);

    private final LogMirror mirror;
    private final ScheduledExecutorService registration;

    public ReplicaMirror(KafkaSettings kafka, RegionSettings region) {
        String local = kafka.bootstrapServers();
        TopicBootstrap.ensureTopics(local, kafka.layout(), Duration.ofSeconds(60));
        RegionDirectory.ensureTopic(local, region.directoryTopic(), kafka.layout().replicationFactor(),
                Duration.ofSeconds(30));
        RegionDirectory.read(local, region.directoryTopic(), Duration.ofSeconds(30)).epoch()
                .filter(e -> e.epoch() > 0 && e.region().equals(region.name()))
                .ifPresent(e -> {
                    throw new IllegalStateException("Region '" + region.name() + "' was promoted to primary (epoch "
                            + e.epoch() + "): its log has writes no other region has, so it cannot follow "
                            + region.primaryBootstrapServers() + ". Run it as the primary, or start it as a replica "
                            + "on an empty cluster/data directory");
                });
        this.mirror = LogMirror.start(region.primaryBootstrapServers(), local, kafka.layout().log(), region.name(),
                kafka.layout().replicationFactor());
        this.registration = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "registry-region-registration");
            t.setDaemon(true);
            return t;
        });
        registration.execute(() -> register(region, 0));
    }

    /** Retries until the primary's cluster takes the registration (it may be down when this region starts). */
    private void register(RegionSettings region, int attempt) {
        try {
            RegionDirectory.ensureTopic(region.primaryBootstrapServers(), region.directoryTopic(), (short) 1,
                    Duration.ofSeconds(5));
            RegionDirectory.registerPeer(region.primaryBootstrapServers(), region.directoryTopic(), region.name(),
                    region.advertisedBootstrapServers(), Duration.ofSeconds(5));
            LOG.info("Region '{}' registered with its primary at {}", region.name(), region.primaryBootstrapServers());
        } catch (RuntimeException e) {
            LOG.debug("Registration with the primary failed (attempt {}): {}", attempt, e.getMessage());
            registration.schedule(() -> register(region, attempt + 1), Math.min(30, 1L << Math.min(attempt, 5)),
                    TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        registration.shutdownNow();
        mirror.close();
    }
}
