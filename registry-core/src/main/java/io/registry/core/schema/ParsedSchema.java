package io.registry.core.schema;

import java.util.List;

/**
 * A schema that parsed successfully. Formats keep their own parsed object behind this interface.
 */
public interface ParsedSchema {
    SchemaType type();

    /**
     * The form the registry stores and returns: whitespace-insensitive, otherwise as written
     * (docs, defaults and field order kept, because they matter to readers and to compatibility).
     */
    String canonical();

    List<SchemaReference> references();

    /**
     * Content identity: equal fingerprints mean "same schema" and therefore the same global id.
     * Covers the type, the canonical text and the references.
     */
    default String fingerprint() {
        return Fingerprints.of(type(), canonical(), references());
    }

    /**
     * Whether the schema declares a field {@code name} at its top level (Confluent's {@code hasTopLevelField}, used
     * by the reserved-fields rule): an Avro record's field, a property of a JSON Schema's top-level
     * {@code properties}, a field of any top-level Protobuf message.
     */
    default boolean hasTopLevelField(String name) {
        return false;
    }
}
