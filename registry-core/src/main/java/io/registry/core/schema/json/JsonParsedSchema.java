package io.registry.core.schema.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON Schema. Canonical text: compact JSON, keys as written; keys sorted (at every level) when
 * normalized. Numbers are kept exactly as parsed ({@link JsonSchemaFormat} reads them as BigDecimal), so a
 * canonical form never rounds {@code 0.1000000000000000055} or {@code 3.14159265358979323846}.
 *
 * @param referencedSchemas the schemas of its registry references by reference name, for {@code $ref}s that
 *                          point outside the document (empty when it has none)
 */
public record JsonParsedSchema(JsonNode node, List<SchemaReference> references, boolean normalized,
                               Map<String, JsonNode> referencedSchemas) implements ParsedSchema {
    private static final ObjectMapper COMPACT = new ObjectMapper();

    public JsonParsedSchema {
        references = List.copyOf(references);
        referencedSchemas = referencedSchemas == null ? Map.of() : Map.copyOf(referencedSchemas);
    }

    public JsonParsedSchema(JsonNode node, List<SchemaReference> references, boolean normalized) {
        this(node, references, normalized, Map.of());
    }

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    @Override
    public boolean hasTopLevelField(String name) {
        JsonNode properties = node.get("properties");
        return properties != null && properties.isObject() && properties.has(name);
    }

    @Override
    public String canonical() {
        try {
            return COMPACT.writeValueAsString(normalized ? sortedKeys(node) : node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serializes", e);
        }
    }

    private static JsonNode sortedKeys(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                sorted.set(name, sortedKeys(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode(node.size());
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                array.add(sortedKeys(it.next()));
            }
            return array;
        }
        return node;
    }
}
