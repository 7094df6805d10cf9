package io.registry.api.read;

import io.registry.core.schema.ReferenceResolver;
import io.registry.readmodel.ReadModel;
import io.registry.readmodel.SubjectVersion;

import java.util.Optional;

/** Resolves schema references against this region's projection; version -1 means the latest live version. */
public final class ReadModelReferenceResolver implements ReferenceResolver {
    private final ReadModel readModel;
    private final SchemaByIdCache schemas;

    public ReadModelReferenceResolver(ReadModel readModel, SchemaByIdCache schemas) {
        this.readModel = readModel;
        this.schemas = schemas;
    }

    @Override
    public Optional<ReferencedSchema> resolve(String subject, int version) {
        Optional<SubjectVersion> target = version == -1
                ? readModel.versions(subject).stream().filter(v -> !v.deleted()).reduce((a, b) -> b)
                : readModel.version(subject, version).filter(v -> !v.deleted());
        return target.flatMap(v -> schemas.get(v.schemaId()))
                .map(s -> new ReferencedSchema(s.schema(), s.references()));
    }
}
