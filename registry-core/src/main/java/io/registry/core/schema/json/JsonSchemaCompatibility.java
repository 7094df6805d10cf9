package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Can a reader schema accept every document valid against a writer schema? Answered with Confluent Schema
 * Registry's JSON Schema rules (see {@link ShapeDiff}; the difference types and which of them are compatible
 * are Confluent's), one message per incompatible difference:
 * {@code {"errorType":"PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL","description":"…","path":"#/properties/foo"}}.
 *
 * <p>Like Confluent, annotation keywords are ignored (title, description, examples, format, contentEncoding,
 * contentMediaType, ...). Where Confluent's diff does not look at an asserting keyword, or loses its meaning
 * in translation, we answer the underlying question instead:
 * <ul>
 *   <li>stricter: {@code required} names no property declares, {@code patternProperties} added or removed,
 *       {@code propertyNames}, {@code contains}, {@code dependentRequired}/{@code dependentSchemas}, the
 *       branches of if/then/else, and a property added where the writer has patterns but none matches (the
 *       writer's leftover model governs it, open or not);</li>
 *   <li>more precise: numeric bounds compared as intervals (draft 4's boolean {@code exclusiveMinimum}
 *       included), {@code multipleOf} with exact decimals, {@code const} as a one-value enum, an
 *       {@code additionalProperties: {}} treated as {@code true}, and an unmatched union branch reported
 *       with the differences of its same-kind counterpart rather than only "subschemas changed".</li>
 * </ul>
 */
final class JsonSchemaCompatibility {
    private JsonSchemaCompatibility() {
    }

    /** For schemas without registry references. */
    static List<String> readIncompatibilities(JsonNode reader, JsonNode writer) {
        return readIncompatibilities(JsonSchemaDocument.standalone(reader), JsonSchemaDocument.standalone(writer));
    }

    static List<String> readIncompatibilities(JsonParsedSchema reader, JsonParsedSchema writer) {
        return readIncompatibilities(document(reader), document(writer));
    }

    static List<String> readIncompatibilities(JsonSchemaDocument reader, JsonSchemaDocument writer) {
        List<String> messages = new ArrayList<>();
        for (Difference d : differences(reader, writer)) {
            if (!d.compatible()) {
                messages.add(d.toMessage());
            }
        }
        return messages;
    }

    /** Every difference found, compatible ones included (for tests and diagnostics). */
    static List<Difference> differences(JsonSchemaDocument reader, JsonSchemaDocument writer) {
        DiffContext ctx = DiffContext.root();
        ShapeDiff.compare(ctx, writer.rootNode(), reader.rootNode());
        return ctx.differences();
    }

    private static JsonSchemaDocument document(JsonParsedSchema schema) {
        Map<String, JsonNode> referenced = schema.referencedSchemas();
        if (referenced.isEmpty()) {
            return JsonSchemaDocument.standalone(schema.node());
        }
        // Referenced schemas may refer to each other, so they all see the same set of documents.
        Map<String, JsonSchemaDocument> external = new java.util.HashMap<>();
        referenced.forEach((name, node) -> external.put(name, new JsonSchemaDocument(node, external)));
        return new JsonSchemaDocument(schema.node(), external);
    }
}
