package io.registry.api;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.registry.api.security.CurrentCaller;
import io.registry.api.http.RegistryApiSettings;
import io.registry.api.read.ProjectionWatermark;
import io.registry.api.read.RegistryReads;
import io.registry.api.read.SchemaByIdCache;
import io.registry.api.write.CommandGateway;
import io.registry.api.write.CommandProducerSettings;
import io.registry.api.write.WriteService;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.kafka.TopicBootstrap;
import io.registry.kafka.config.KafkaSettings;
import io.registry.readmodel.ReadModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.registry.api.ops.OpsSettings;
import io.registry.api.ops.ProjectionLag;
import io.registry.api.ops.WriteMetrics;
import io.registry.api.v1.V1Settings;
import io.registry.api.v1.ValidatorCache;
import io.registry.readmodel.ProgressNotices;
import io.registry.readmodel.ProjectionProgress;
import io.registry.readmodel.ProjectionStore;
import io.registry.readmodel.availability.StoreGuards;
import jakarta.inject.Singleton;

import java.util.List;

import java.time.Duration;

/** Wires an API node: reads from the projections, writes through the log. */
@Factory
public class ApiBeans {

    @Singleton
    SchemaFormats schemaFormats() {
        return SchemaFormats.standard();
    }

    @Singleton
    SchemaParser schemaParser(SchemaFormats formats) {
        return new SchemaParser(formats);
    }

    @Singleton
    SchemaByIdCache schemaByIdCache(ReadModel readModel, RegistryApiSettings settings) {
        return new SchemaByIdCache(readModel, settings.schemaCacheBytes());
    }

    @Singleton
    RegistryReads registryReads(ReadModel readModel, SchemaByIdCache cache, SchemaParser parser,
                                @Nullable CurrentCaller caller) {
        return new RegistryReads(readModel, cache, parser, caller == null ? CurrentCaller.NONE : caller);
    }

    @Singleton
    @Bean(preDestroy = "close")
    ProjectionWatermark projectionWatermark(ProjectionProgress progress, List<ProgressNotices> notices) {
        return new ProjectionWatermark(progress, notices);
    }

    @Singleton
    @Bean(preDestroy = "close")
    CommandGateway commandGateway(KafkaSettings kafka, CommandProducerSettings producer) {
        TopicBootstrap.ensureTopics(kafka.bootstrapServers(), kafka.layout(), Duration.ofSeconds(60));
        return new CommandGateway(kafka.bootstrapServers(), kafka.layout().commands(), kafka.layout().replies(),
                producer);
    }

    @Singleton
    WriteService writeService(CommandGateway gateway, ProjectionWatermark watermark, RegistryApiSettings settings,
                              MeterRegistry meters, @Nullable CurrentCaller caller) {
        return new WriteService(gateway, watermark, settings.sequencerTimeout(), settings.projectionTimeout(),
                new WriteMetrics(meters), caller == null ? CurrentCaller.NONE : caller);
    }

    @Singleton
    ValidatorCache validatorCache(RegistryReads reads, V1Settings settings) {
        return new ValidatorCache(reads, settings.getValidatorCacheSize());
    }

    @Singleton
    @Bean(preDestroy = "close")
    ProjectionLag projectionLag(KafkaSettings kafka, List<ProjectionStore> stores, OpsSettings settings,
                                MeterRegistry meters, StoreGuards guards) {
        return new ProjectionLag(kafka, stores, settings, meters, guards);
    }
}
