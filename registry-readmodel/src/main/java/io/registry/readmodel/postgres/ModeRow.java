package io.registry.readmodel.postgres;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code modes}; subject {@code ''} is the global mode (see {@link GlobalSubject}). */
@MappedEntity("modes")
public record ModeRow(@Id String subject, String mode) {
}
