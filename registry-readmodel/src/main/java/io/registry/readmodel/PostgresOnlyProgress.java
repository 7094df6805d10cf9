package io.registry.readmodel;

import io.micronaut.context.annotation.Requires;
import io.registry.readmodel.availability.StoreGuards;
import io.registry.readmodel.postgres.PostgresReadModel;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The projection progress of a node without Redis ({@code registry.redis.enabled=false}, dev mode when no Redis
 * answers): Postgres alone, which then serves every read ({@link LayeredReadModel} does not exist).
 */
@Requires(property = "registry.redis.enabled", value = "false")
@Singleton
public class PostgresOnlyProgress implements ProjectionProgress {
    private final PostgresReadModel postgres;

    public PostgresOnlyProgress(PostgresReadModel postgres) {
        this.postgres = postgres;
    }

    @Override
    public Map<String, OptionalLong> appliedSeqs() {
        try {
            return Map.of(StoreGuards.POSTGRES, OptionalLong.of(postgres.appliedSeq()));
        } catch (RuntimeException e) {
            return Map.of(StoreGuards.POSTGRES, OptionalLong.empty());
        }
    }
}
