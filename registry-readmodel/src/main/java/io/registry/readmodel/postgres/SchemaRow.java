package io.registry.readmodel.postgres;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code schemas}. {@code refs} is the jsonb column as text (see {@code ReadModelJson}). */
@MappedEntity("schemas")
public record SchemaRow(@Id int id, String schemaType, String schemaText, String refs, String fingerprint) {
}
