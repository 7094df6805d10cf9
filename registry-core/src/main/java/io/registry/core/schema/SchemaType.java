package io.registry.core.schema;

import java.util.Locale;

/** The schema formats the registry understands. Confluent omits {@code schemaType} for AVRO, so absent means AVRO. */
public enum SchemaType {
    AVRO, JSON, PROTOBUF;

    /** Parses the wire name; {@code null} or blank is AVRO, as in Confluent's API and {@code _schemas} records. */
    public static SchemaType fromWire(String name) {
        if (name == null || name.isBlank()) {
            return AVRO;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSchemaException("Unknown schema type: " + name);
        }
    }
}
