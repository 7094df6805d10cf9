package io.registry.core.schema;

import io.registry.core.schema.avro.AvroFormat;
import io.registry.core.schema.json.JsonSchemaFormat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The formats this build supports, by type. */
public final class SchemaFormats {
    private final Map<SchemaType, SchemaFormat> byType = new EnumMap<>(SchemaType.class);

    public SchemaFormats(List<SchemaFormat> formats) {
        formats.forEach(f -> byType.put(f.type(), f));
    }

    public static SchemaFormats standard() {
        return new SchemaFormats(List.of(new AvroFormat(), new JsonSchemaFormat(),
                new io.registry.core.schema.protobuf.ProtobufFormat()));
    }

    public Set<SchemaType> supported() {
        return byType.keySet();
    }

    /** @throws InvalidSchemaException when the type is not supported by this build */
    public SchemaFormat of(SchemaType type) {
        SchemaFormat format = byType.get(type);
        if (format == null) {
            throw new InvalidSchemaException("Schema type " + type + " is not supported");
        }
        return format;
    }
}
