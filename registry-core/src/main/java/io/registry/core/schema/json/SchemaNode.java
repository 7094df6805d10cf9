package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A subschema together with the document it lives in: a {@code $ref} inside it must be resolved against that
 * document (its definitions, anchors and draft), not against whichever schema is being compared with it.
 */
record SchemaNode(JsonNode json, JsonSchemaDocument document) {

    SchemaNode child(JsonNode node) {
        return node == null ? null : new SchemaNode(node, document);
    }

    /** The child schema under {@code keyword}, or null when the keyword is absent. */
    SchemaNode keyword(String keyword) {
        JsonNode node = json.get(keyword);
        return node == null || node.isNull() ? null : new SchemaNode(node, document);
    }

    JsonSchemaDraft draft() {
        return document.draft();
    }

    boolean isObject() {
        return json.isObject();
    }
}
