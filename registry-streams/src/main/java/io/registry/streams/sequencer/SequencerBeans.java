package io.registry.streams.sequencer;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Requires;
import io.registry.kafka.TopicBootstrap;
import io.registry.kafka.config.KafkaSettings;

import java.time.Duration;

/** Starts the sequencer with the application context when {@code registry.sequencer.enabled=true}. */
@Factory
public class SequencerBeans {

    @Context
    @Requires(property = "registry.sequencer.enabled", value = "true")
    @Bean(preDestroy = "close")
    Sequencer sequencer(KafkaSettings kafka, SequencerConfiguration config,
                        @Value("${registry.security.enabled:false}") boolean security) {
        TopicBootstrap.ensureTopics(kafka.bootstrapServers(), kafka.layout(), Duration.ofSeconds(60));
        Sequencer sequencer = new Sequencer(new SequencerSettings(kafka.bootstrapServers(), kafka.layout(),
                config.getApplicationId(), config.getStateDir(), config.getCommitInterval(),
                config.getStandbyReplicas(), config.getIndexStore(), config.getSessionTimeout(),
                config.getTransactionTimeout(), security));
        sequencer.start();
        return sequencer;
    }
}
