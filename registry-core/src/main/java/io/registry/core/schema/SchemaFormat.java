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
     * Why data written with {@code writer} cannot be read with {@code reader}; empty when it can.
     * BACKWARD checks (reader = new, writer = old); FORWARD swaps them.
     */
    List<String> readIncompatibilities(ParsedSchema reader, ParsedSchema writer);
}
