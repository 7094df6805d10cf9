package io.registry.readmodel.postgres;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code config_normalize}; subject {@code ''} is the global config (see {@link GlobalSubject}). */
@MappedEntity("config_normalize")
public record NormalizeRow(@Id String subject, boolean normalize) {
}
