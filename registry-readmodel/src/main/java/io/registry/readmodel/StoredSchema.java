package io.registry.readmodel;

import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.util.List;

/** A schema by global id. Immutable once written, which is what makes caching by id safe. */
public record StoredSchema(int id, SchemaType type, String schema, List<SchemaReference> references,
                           String fingerprint) {
    public StoredSchema {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
