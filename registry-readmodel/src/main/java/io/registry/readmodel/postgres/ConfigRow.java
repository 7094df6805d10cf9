package io.registry.readmodel.postgres;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code configs}; subject {@code ''} is the global config (see {@link GlobalSubject}). */
@MappedEntity("configs")
public record ConfigRow(@Id String subject, String compatibilityLevel) {
}
