package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The object keywords of one schema, with the spellings of different drafts folded together ({@code
 * dependencies} = {@code dependentRequired} + {@code dependentSchemas}).
 */
record ObjectKeywords(Map<String, SchemaNode> properties, Set<String> required,
                      Map<String, SchemaNode> patternProperties, ContentModel leftover,
                      Map<String, Keyed<Set<String>>> dependentRequired,
                      Map<String, Keyed<SchemaNode>> dependentSchemas, SchemaNode propertyNames,
                      Long minProperties, Long maxProperties) {

    /** A value and the keyword it was spelled with (for the difference path). */
    record Keyed<T>(String keyword, T value) {
    }

    static ObjectKeywords of(SchemaNode node) {
        JsonNode json = node.json();
        Map<String, Keyed<Set<String>>> dependentRequired = new LinkedHashMap<>();
        Map<String, Keyed<SchemaNode>> dependentSchemas = new LinkedHashMap<>();
        readDependencies(node, "dependencies", dependentRequired, dependentSchemas);
        readDependencies(node, "dependentRequired", dependentRequired, dependentSchemas);
        readDependencies(node, "dependentSchemas", dependentRequired, dependentSchemas);
        return new ObjectKeywords(schemas(node, "properties"), names(json.get("required")),
                schemas(node, "patternProperties"), leftover(node), dependentRequired, dependentSchemas,
                node.keyword("propertyNames"), JsonValues.whole(json, "minProperties"),
                JsonValues.whole(json, "maxProperties"));
    }

    /**
     * What governs a property this schema does not declare: the first matching patternProperties schema
     * (patterns match anywhere in the name, as in JSON Schema), else the leftover content model.
     */
    ContentModel coverage(String name) {
        for (Map.Entry<String, SchemaNode> e : patternProperties.entrySet()) {
            if (matches(e.getKey(), name)) {
                return ContentModel.of(e.getValue(), "patternProperties");
            }
        }
        return leftover;
    }

    /**
     * additionalProperties decides when present; without it, unevaluatedProperties does (it sees the same
     * leftovers here, as subschemas' evaluated properties are not tracked).
     */
    private static ContentModel leftover(SchemaNode node) {
        SchemaNode additional = node.keyword("additionalProperties");
        if (additional != null) {
            return ContentModel.of(additional, "additionalProperties");
        }
        SchemaNode unevaluated = node.keyword("unevaluatedProperties");
        if (unevaluated != null) {
            return ContentModel.of(unevaluated, "unevaluatedProperties");
        }
        return ContentModel.open("additionalProperties");
    }

    private static boolean matches(String regex, String name) {
        try {
            return Pattern.compile(regex).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static Map<String, SchemaNode> schemas(SchemaNode node, String keyword) {
        Map<String, SchemaNode> out = new LinkedHashMap<>();
        JsonNode map = node.json().get(keyword);
        if (map != null && map.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), node.child(e.getValue()));
            }
        }
        return out;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static void readDependencies(SchemaNode node, String keyword,
                                         Map<String, Keyed<Set<String>>> dependentRequired,
                                         Map<String, Keyed<SchemaNode>> dependentSchemas) {
        JsonNode map = node.json().get(keyword);
        if (map == null || !map.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isArray()) {
                dependentRequired.putIfAbsent(e.getKey(), new Keyed<>(keyword, names(e.getValue())));
            } else {
                dependentSchemas.putIfAbsent(e.getKey(), new Keyed<>(keyword, node.child(e.getValue())));
            }
        }
    }
}
