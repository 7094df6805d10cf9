package io.registry.core.schema;

import java.util.List;

/** One schema format (Avro, JSON Schema, Protobuf): parsing and the directional compatibility rule. */
public interface SchemaFormat {
    SchemaType type();

    /**
     * Parses and validates {@code text}.
     *
     * @param references the schema's references, already resolved to their texts (in declaration order)
     * @param normalize  fold equivalent spellings into one canonical form (Confluent's {@code normalize=true})
     * @throws InvalidSchemaException when the text is not a valid schema of this format
     */
    ParsedSchema parse(String text, List<SchemaReference> references, List<ResolvedReference> resolved,
                       boolean normalize);

    /**
     * Parses a schema that is not being registered: one already stored (perhaps adopted from a Confluent log), or one
     * a client looks up. Confluent checks some rules on new schemas only ({@code isNew}): Avro field defaults are
     * validated when a schema is registered or checked for compatibility, never when it is read back or looked up.
     */
    default ParsedSchema parseExisting(String text, List<SchemaReference> references,
                                       List<ResolvedReference> resolved, boolean normalize) {
        return parse(text, references, resolved, normalize);
    }

    /**
     * Why data written with {@code writer} cannot be read with {@code reader}; empty when it can.
     * BACKWARD checks (reader = new, writer = old); FORWARD swaps them.
     */
    List<String> readIncompatibilities(ParsedSchema reader, ParsedSchema writer);

    /**
     * The schema rendered in one of Confluent's {@code format}s ({@code GET /schemas/ids/{id}?format=…}, also on
     * subject versions): Avro {@code resolved}, Protobuf {@code serialized} and {@code ignore_extensions}. A null,
     * blank, {@code default} or unknown format is the canonical text, as Confluent answers unknown formats (it only
     * logs them, "for forward compatibility of formats").
     */
    default String formatted(ParsedSchema schema, String format) {
        return schema.canonical();
    }

    /** The format name as Confluent matches it: trimmed, lower case; null when none was asked for. */
    static String formatName(String format) {
        if (format == null || format.isBlank()) {
            return null;
        }
        return format.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
