package io.registry.api.read;

import io.registry.core.schema.ReferenceResolver;
import io.registry.core.subject.QualifiedSubject;
import io.registry.readmodel.ReadModel;
import io.registry.readmodel.SubjectVersion;

import java.util.Optional;

/**
 * Resolves schema references against this region's projection; version -1 means the latest live version.
 * References resolve within the referencing subject's schema context (Confluent's {@code qualifySubjectWithParent}).
 */
public final class ReadModelReferenceResolver implements ReferenceResolver {
    private final ReadModel readModel;
    private final SchemaByIdCache schemas;
    private final String referencingSubject;

    public ReadModelReferenceResolver(ReadModel readModel, SchemaByIdCache schemas, String referencingSubject) {
        this.readModel = readModel;
        this.schemas = schemas;
        this.referencingSubject = referencingSubject;
    }

    @Override
    public Optional<ReferencedSchema> resolve(String reference, int version) {
        String subject = QualifiedSubject.qualifyReference(referencingSubject, reference);
        Optional<SubjectVersion> target = version == -1
                ? readModel.versions(subject).stream().filter(v -> !v.deleted()).reduce((a, b) -> b)
                : readModel.version(subject, version).filter(v -> !v.deleted());
        return target.flatMap(v -> schemas.get(QualifiedSubject.contextOf(subject), v.schemaId()))
                .map(s -> new ReferencedSchema(s.schema(), s.references()));
    }
}
