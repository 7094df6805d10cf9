package io.registry.core.subject;

import io.registry.core.schema.ReferenceResolver;

import java.util.Optional;

/** Resolves references against the sequencer's index; version -1 means the latest live version. */
final class IndexReferenceResolver implements ReferenceResolver {
    private final RegistryIndex index;

    IndexReferenceResolver(RegistryIndex index) {
        this.index = index;
    }

    @Override
    public Optional<ReferencedSchema> resolve(String subject, int version) {
        return index.versions(subject).stream()
                .filter(v -> !v.deleted())
                .filter(v -> version == -1 || v.version() == version)
                .reduce((first, second) -> second)
                .flatMap(v -> index.schema(v.id()))
                .map(s -> new ReferencedSchema(s.schema(), s.references()));
    }
}
