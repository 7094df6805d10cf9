package io.registry.streams.sequencer;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Requires;
import io.registry.kafka.TopicBootstrap;
import io.registry.kafka.config.KafkaSettings;
import io.registry.kafka.config.RegionSettings;
import io.registry.streams.region.RegionFence;

import java.time.Duration;

/** Starts the sequencer with the application context when {@code registry.sequencer.enabled=true}. */
@Factory
public class SequencerBeans {

    @Context
    @Requires(property = "registry.sequencer.enabled", value = "true")
    @Bean(preDestroy = "close")
    Sequencer sequencer(KafkaSettings kafka, RegionSettings region, SequencerConfiguration config,
                        @Value("${registry.security.enabled:false}") boolean security) {
        if (region.isReplica()) {
            // A replica region's log is a copy of the primary's: a second writer there would fork it.
            throw new IllegalStateException("Region '" + region.name() + "' is a replica: it runs no sequencer "
                    + "(set registry.sequencer.enabled=false, or promote the region first)");
        }
        TopicBootstrap.ensureTopics(kafka.bootstrapServers(), kafka.layout(), Duration.ofSeconds(60));
        RegionFence fence = RegionFence.start(region.name(), kafka.bootstrapServers(), region.directoryTopic(),
                kafka.layout().replicationFactor(), region.fenceCheckInterval(), region.primaryTimeout());
        Sequencer sequencer = new Sequencer(new SequencerSettings(kafka.bootstrapServers(), kafka.layout(),
                config.getApplicationId(), config.getStateDir(), config.getCommitInterval(), config.getSessionTimeout(),
                config.getTransactionTimeout(), security, fence));
        sequencer.start();
        return sequencer;
    }
}
