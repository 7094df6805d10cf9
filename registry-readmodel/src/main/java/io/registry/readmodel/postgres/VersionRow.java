package io.registry.readmodel.postgres;

import io.micronaut.core.annotation.Introspected;
import io.registry.readmodel.SubjectVersion;

/** The columns of {@code subject_versions} that the read model serves. */
@Introspected
public record VersionRow(String subject, int version, int schemaId, boolean deleted) {
    SubjectVersion toSubjectVersion() {
        return new SubjectVersion(subject, version, schemaId, deleted);
    }
}
