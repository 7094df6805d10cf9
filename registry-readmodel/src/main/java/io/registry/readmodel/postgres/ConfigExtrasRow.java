package io.registry.readmodel.postgres;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code config_extras}; subject {@code ''} is the global config (see {@link GlobalSubject}). */
@MappedEntity("config_extras")
public record ConfigExtrasRow(@Id String subject, String extras) {
}
