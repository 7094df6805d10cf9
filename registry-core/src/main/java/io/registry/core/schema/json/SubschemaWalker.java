package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Visits every position of a schema document that holds a schema (and only those): a property *named*
 * {@code $id} or {@code type} inside {@code properties} is data, not a keyword, so a plain tree walk would
 * misread it.
 */
final class SubschemaWalker {
    /** Keywords whose value is one schema. */
    static final List<String> SINGLE = List.of("additionalProperties", "additionalItems", "contains",
            "propertyNames", "not", "if", "then", "else", "unevaluatedProperties", "unevaluatedItems",
            "contentSchema");
    /** Keywords whose value is an array of schemas. */
    static final List<String> ARRAYS = List.of("allOf", "anyOf", "oneOf", "prefixItems");
    /** Keywords whose value is an object of named schemas. */
    static final List<String> MAPS = List.of("properties", "patternProperties", "definitions", "$defs",
            "dependentSchemas");

    interface Visitor {
        /**
         * @param schema a schema (object or boolean) — other JSON found at a schema position too, so the
         *               syntax check can reject it
         * @param path   JSON pointer of the schema from the document root
         */
        void visit(JsonNode schema, String path);
    }

    private SubschemaWalker() {
    }

    static void walk(JsonNode root, Visitor visitor) {
        walk(root, "", visitor);
    }

    private static void walk(JsonNode schema, String path, Visitor visitor) {
        visitor.visit(schema, path);
        if (!schema.isObject()) {
            return;
        }
        for (String keyword : SINGLE) {
            JsonNode child = schema.get(keyword);
            if (child != null) {
                walk(child, path + "/" + keyword, visitor);
            }
        }
        for (String keyword : ARRAYS) {
            walkArray(schema.get(keyword), path + "/" + keyword, visitor);
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            if (items.isArray()) {
                walkArray(items, path + "/items", visitor);
            } else {
                walk(items, path + "/items", visitor);
            }
        }
        for (String keyword : MAPS) {
            walkMap(schema.get(keyword), path + "/" + keyword, visitor);
        }
        // draft 4-7 "dependencies" mixes property lists (not schemas) with schemas.
        JsonNode dependencies = schema.get("dependencies");
        if (dependencies != null && dependencies.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = dependencies.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isArray()) {
                    walk(e.getValue(), path + "/dependencies/" + escape(e.getKey()), visitor);
                }
            }
        }
    }

    private static void walkArray(JsonNode array, String path, Visitor visitor) {
        if (array != null && array.isArray()) {
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), path + "/" + i, visitor);
            }
        }
    }

    private static void walkMap(JsonNode map, String path, Visitor visitor) {
        if (map != null && map.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path + "/" + escape(e.getKey()), visitor);
            }
        }
    }

    /** JSON pointer escaping of one reference token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
