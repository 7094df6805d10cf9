package io.registry.core.subject;

import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.util.List;

/** Schema content by global id, as the sequencer indexes it. */
public record IndexedSchema(int id, SchemaType type, String schema, List<SchemaReference> references) {
    public IndexedSchema {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
