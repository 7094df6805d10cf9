package io.registry.core.schema.avro;

import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import org.apache.avro.Schema;

import java.util.List;

/**
 * A parsed Avro schema. The canonical text is Avro's compact {@code toString()}: whitespace-insensitive but
 * keeping docs, defaults and aliases. (Avro's Parsing Canonical Form would drop defaults, which change
 * compatibility, so two schemas that differ only in a default must not share an id.) Named types that come from
 * references ({@code referenced}) stay names in it, as in Confluent's {@code canonicalString()}; the
 * {@link #resolved()} text inlines them (Confluent's {@code format=resolved}).
 */
public record AvroParsedSchema(Schema schema, List<SchemaReference> references, boolean normalized,
                               List<Schema> referenced) implements ParsedSchema {

    public AvroParsedSchema {
        references = List.copyOf(references);
        referenced = List.copyOf(referenced);
    }

    public AvroParsedSchema(Schema schema, List<SchemaReference> references, boolean normalized) {
        this(schema, references, normalized, List.of());
    }

    /** The self-contained text: every named type defined where it is first used, references included. */
    public String resolved() {
        return schema.toString();
    }

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    @Override
    public String canonical() {
        return referenced.isEmpty() ? schema.toString() : schema.toString(referenced, false);
    }

    @Override
    public boolean hasTopLevelField(String name) {
        return schema.getType() == Schema.Type.RECORD && schema.getField(name) != null;
    }
}
