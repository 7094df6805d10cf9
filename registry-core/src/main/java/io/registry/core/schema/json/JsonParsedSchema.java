package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.util.List;

/** A parsed JSON Schema. Canonical text: compact JSON, keys as written; sorted keys when normalized. */
public record JsonParsedSchema(JsonNode node, List<SchemaReference> references, boolean normalized)
        implements ParsedSchema {
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public JsonParsedSchema {
        references = List.copyOf(references);
    }

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    @Override
    public String canonical() {
        try {
            if (normalized) {
                Object tree = SORTED.treeToValue(node, Object.class);
                return SORTED.writeValueAsString(tree);
            }
            return COMPACT.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException("a parsed JSON tree always serializes", e);
        }
    }
}
