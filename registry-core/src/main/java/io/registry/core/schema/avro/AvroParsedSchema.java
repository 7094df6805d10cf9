package io.registry.core.schema.avro;

import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import org.apache.avro.Schema;

import java.util.List;

/**
 * A parsed Avro schema. The canonical text is Avro's compact {@code toString()}: whitespace-insensitive but
 * keeping docs, defaults and aliases. (Avro's Parsing Canonical Form would drop defaults, which change
 * compatibility, so two schemas that differ only in a default must not share an id.)
 */
public record AvroParsedSchema(Schema schema, List<SchemaReference> references, boolean normalized)
        implements ParsedSchema {

    public AvroParsedSchema {
        references = List.copyOf(references);
    }

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    @Override
    public String canonical() {
        return schema.toString();
    }
}
