package io.registry.core.schema.avro;

import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.ResolvedReference;
import io.registry.core.schema.SchemaFormat;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

import java.util.ArrayList;
import java.util.List;

/** Avro via Apache Avro itself: its parser, its {@code toString()} form and its {@link SchemaCompatibility}. */
public final class AvroFormat implements SchemaFormat {

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    @Override
    public ParsedSchema parse(String text, List<SchemaReference> references, List<ResolvedReference> resolved,
                              boolean normalize) {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        // Referenced named types are parsed first into the same parser, so the schema can use them by name.
        Schema.Parser parser = new Schema.Parser();
        parser.setValidateDefaults(true);
        try {
            for (ResolvedReference ref : resolved) {
                parser.parse(ref.schemaText());
            }
            Schema schema = parser.parse(text);
            return new AvroParsedSchema(schema, references, normalize);
        } catch (AvroRuntimeException | NullPointerException | IllegalArgumentException e) {
            // AvroRuntimeException covers SchemaParseException and AvroTypeException (a bad default, an
            // undefined named type): all of them mean "not a valid schema", never a server error.
            throw new InvalidSchemaException("Invalid schema: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> readIncompatibilities(ParsedSchema reader, ParsedSchema writer) {
        Schema r = ((AvroParsedSchema) reader).schema();
        Schema w = ((AvroParsedSchema) writer).schema();
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(r, w);
        List<String> messages = new ArrayList<>();
        for (Incompatibility inc : result.getResult().getIncompatibilities()) {
            messages.add("{errorType:'" + inc.getType() + "', description:'" + inc.getMessage()
                    + "', additionalInfo:'" + inc.getMessage() + "', location:'" + inc.getLocation() + "'}");
        }
        return messages;
    }
}
