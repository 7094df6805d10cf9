package io.registry.readmodel.postgres;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code projection_checkpoint}. */
@MappedEntity("projection_checkpoint")
public record CheckpointRow(@Id String projection, long nextOffset, long seq, Instant updatedAt) {
}
