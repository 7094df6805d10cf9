package io.registry.readmodel.postgres;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code subject_versions}. The repository reads it through {@link VersionRow} projections; the entity
 * exists to give the repository its table and key.
 */
@MappedEntity("subject_versions")
public record SubjectVersionRow(@EmbeddedId Key key, int schemaId, boolean deleted,
                                @Nullable String metadata, @Nullable String ruleSet) {
    @Embeddable
    public record Key(String subject, int version) {
    }
}
