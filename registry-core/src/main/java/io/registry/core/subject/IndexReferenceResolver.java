package io.registry.core.subject;

import io.registry.core.schema.ReferenceResolver;

import java.util.Optional;

/**
 * Resolves references against the sequencer's index; version -1 means the latest live version. References resolve
 * within the referencing subject's context (an unqualified reference from {@code :.ctx:a} means {@code :.ctx:b}),
 * and so do the ids they lead to.
 */
final class IndexReferenceResolver implements ReferenceResolver {
    private final RegistryIndex index;
    private final String referencingSubject;

    IndexReferenceResolver(RegistryIndex index, String referencingSubject) {
        this.index = index;
        this.referencingSubject = referencingSubject;
    }

    @Override
    public Optional<ReferencedSchema> resolve(String reference, int version) {
        String subject = QualifiedSubject.qualifyReference(referencingSubject, reference);
        String context = QualifiedSubject.contextOf(subject);
        return index.versions(subject).stream()
                .filter(v -> !v.deleted())
                .filter(v -> version == -1 || v.version() == version)
                .reduce((first, second) -> second)
                .flatMap(v -> index.schema(context, v.id()))
                .map(s -> new ReferencedSchema(s.schema(), s.references()));
    }
}
