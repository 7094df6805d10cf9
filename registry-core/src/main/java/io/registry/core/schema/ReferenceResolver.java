package io.registry.core.schema;

import java.util.Optional;

/** Looks up the schema a reference points at; the sequencer answers from its index, API nodes from projections. */
public interface ReferenceResolver {
    /** The referenced (subject, version) schema, or empty when it does not exist (or is deleted). */
    Optional<ReferencedSchema> resolve(String subject, int version);

    record ReferencedSchema(String schema, java.util.List<SchemaReference> references) {
    }
}
