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
        return parse(text, references, resolved, normalize, true);
    }

    /** Field defaults are not checked: Confluent validates them on new schemas only. */
    @Override
    public ParsedSchema parseExisting(String text, List<SchemaReference> references,
                                      List<ResolvedReference> resolved, boolean normalize) {
        return parse(text, references, resolved, normalize, false);
    }

    private static ParsedSchema parse(String text, List<SchemaReference> references,
                                      List<ResolvedReference> resolved, boolean normalize, boolean validateDefaults) {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        // Referenced named types are parsed first into the same parser, so the schema can use them by name.
        Schema.Parser parser = new Schema.Parser();
        parser.setValidateDefaults(validateDefaults);
        try {
            List<Schema> referenced = new ArrayList<>();
            for (ResolvedReference ref : resolved) {
                referenced.add(parser.parse(ref.schemaText()));
            }
            Schema schema = parser.parse(text);
            return new AvroParsedSchema(schema, references, normalize, referenced);
        } catch (AvroRuntimeException | NullPointerException | IllegalArgumentException e) {
            // AvroRuntimeException covers SchemaParseException and AvroTypeException (a bad default, an
            // undefined named type): all of them mean "not a valid schema", never a server error.
            throw new InvalidSchemaException("Invalid schema: " + e.getMessage(), e);
        }
    }

    /** {@code resolved}: the schema with its referenced named types inlined (Confluent's {@code RESOLVED}). */
    @Override
    public String formatted(ParsedSchema schema, String format) {
        if ("resolved".equals(SchemaFormat.formatName(format)) && schema instanceof AvroParsedSchema avro) {
            return avro.resolved();
        }
        return schema.canonical();
    }

    @Override
    public List<String> readIncompatibilities(ParsedSchema reader, ParsedSchema writer) {
        Schema r = ((AvroParsedSchema) reader).schema();
        Schema w = ((AvroParsedSchema) writer).schema();
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(r, w);
        List<String> messages = new ArrayList<>();
        for (Incompatibility inc : result.getResult().getIncompatibilities()) {
            messages.add("{errorType:'" + inc.getType() + "', description:'" + describe(inc)
                    + "', additionalInfo:'" + inc.getMessage() + "'}");
        }
        return messages;
    }

    /** Confluent-style sentences; "reader"/"writer" because the same rule serves both directions. */
    private static String describe(Incompatibility inc) {
        String path = inc.getLocation();
        switch (inc.getType()) {
            case NAME_MISMATCH:
                return "The name of the schema has changed (path '" + path + "')";
            case FIXED_SIZE_MISMATCH:
                return "The size of FIXED type field at path '" + path + "' in the reader schema does not match "
                        + "with the writer schema";
            case MISSING_ENUM_SYMBOLS:
                return "The reader schema is missing enum symbols '" + inc.getMessage() + "' at path '" + path
                        + "' in the writer schema";
            case READER_FIELD_MISSING_DEFAULT_VALUE:
                return "The field '" + inc.getMessage() + "' at path '" + path + "' in the reader schema has no "
                        + "default value and is missing in the writer schema";
            case TYPE_MISMATCH:
                return "The type (path '" + path + "') of a field in the reader schema does not match with the "
                        + "writer schema";
            case MISSING_UNION_BRANCH:
                return "The reader schema is missing a type inside a union field at path '" + path
                        + "' in the writer schema";
            default:
                return inc.getMessage() + " (path '" + path + "')";
        }
    }
}
