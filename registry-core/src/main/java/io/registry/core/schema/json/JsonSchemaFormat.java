package io.registry.core.schema.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.ResolvedReference;
import io.registry.core.schema.SchemaFormat;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema: parsed with Jackson, checked by {@link JsonSchemaSyntax}; compatibility by
 * {@link JsonSchemaCompatibility}.
 */
public final class JsonSchemaFormat implements SchemaFormat {
    /**
     * Exact numbers (no rounding through double), duplicate keys and trailing garbage rejected: the text the
     * registry keeps must mean exactly what the user sent.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    @Override
    public ParsedSchema parse(String text, List<SchemaReference> references, List<ResolvedReference> resolved,
                              boolean normalize) {
        JsonNode node = read(text);
        Map<String, JsonNode> referenced = new LinkedHashMap<>();
        for (ResolvedReference ref : resolved == null ? List.<ResolvedReference>of() : resolved) {
            referenced.put(ref.reference().name(), read(ref.schemaText()));
        }
        JsonSchemaSyntax.check(JsonSchemaDocument.standalone(node));
        return new JsonParsedSchema(node, references, normalize, referenced);
    }

    @Override
    public List<String> readIncompatibilities(ParsedSchema reader, ParsedSchema writer) {
        return JsonSchemaCompatibility.readIncompatibilities((JsonParsedSchema) reader, (JsonParsedSchema) writer);
    }

    private static JsonNode read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Invalid schema: empty");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidSchemaException("Invalid schema: not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !(node.isObject() || node.isBoolean())) {
            throw new InvalidSchemaException("Invalid schema: a JSON Schema is an object or a boolean");
        }
        return node;
    }
}
