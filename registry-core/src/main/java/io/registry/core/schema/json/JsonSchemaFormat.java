package io.registry.core.schema.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.ResolvedReference;
import io.registry.core.schema.SchemaFormat;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.util.List;

/** JSON Schema: parsed with Jackson; compatibility by {@link JsonSchemaCompatibility}. */
public final class JsonSchemaFormat implements SchemaFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    @Override
    public ParsedSchema parse(String text, List<SchemaReference> references, List<ResolvedReference> resolved,
                              boolean normalize) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidSchemaException("Invalid schema: not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !(node.isObject() || node.isBoolean())) {
            throw new InvalidSchemaException("Invalid schema: a JSON Schema is an object or a boolean");
        }
        return new JsonParsedSchema(node, references, normalize);
    }

    @Override
    public List<String> readIncompatibilities(ParsedSchema reader, ParsedSchema writer) {
        return JsonSchemaCompatibility.readIncompatibilities(((JsonParsedSchema) reader).node(),
                ((JsonParsedSchema) writer).node());
    }
}
