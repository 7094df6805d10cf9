package io.registry.api;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.registry.api.security.CurrentCaller;
import io.micronaut.context.annotation.Requires;
import io.registry.api.region.ReplicaLag;
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
import io.registry.kafka.config.RegionSettings;
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
    CommandGateway commandGateway(KafkaSettings kafka, RegionSettings region, CommandProducerSettings producer) {
        if (region.isReplica()) {
            // Commands go to the primary's cluster, which owns the topics; a replica must start (and serve reads)
            // while the primary is unreachable, so its gateway finds the replies topic lazily.
            return new CommandGateway(region.commandsBootstrapServers(), kafka.layout().commands(),
                    kafka.layout().replies(), producer, Duration.ZERO);
        }
        TopicBootstrap.ensureTopics(kafka.bootstrapServers(), kafka.layout(), Duration.ofSeconds(60));
        return new CommandGateway(kafka.bootstrapServers(), kafka.layout().commands(), kafka.layout().replies(),
                producer, Duration.ofSeconds(30));
    }

    @Singleton
    WriteService writeService(CommandGateway gateway, ProjectionWatermark watermark, RegistryApiSettings settings,
                              RegionSettings region, MeterRegistry meters, @Nullable CurrentCaller caller) {
        return new WriteService(gateway, watermark, region.isReplica() ? region.primaryTimeout()
                : settings.sequencerTimeout(), settings.projectionTimeout(), new WriteMetrics(meters),
                caller == null ? CurrentCaller.NONE : caller, region.isReplica());
    }

    @Singleton
    ValidatorCache validatorCache(RegistryReads reads, V1Settings settings) {
        return new ValidatorCache(reads, settings.getValidatorCacheSize());
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "registry.region.role", value = "replica")
    ReplicaLag replicaLag(RegionSettings region, ProjectionLag projections, KafkaSettings kafka, MeterRegistry meters) {
        return new ReplicaLag(region, projections, kafka.layout().log(), meters);
    }

    @Singleton
    @Bean(preDestroy = "close")
    ProjectionLag projectionLag(KafkaSettings kafka, RegionSettings region, List<ProjectionStore> stores,
                                OpsSettings settings, MeterRegistry meters, StoreGuards guards) {
        return new ProjectionLag(kafka, region, stores, settings, meters, guards);
    }
}
