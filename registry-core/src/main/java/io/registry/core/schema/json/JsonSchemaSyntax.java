package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.schema.InvalidSchemaException;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rejects JSON that is not a schema, where that is cheap to tell: keywords with values of the wrong kind
 * ({@code "type": 12}, unknown type names, a negative {@code minLength}, a {@code pattern} that does not
 * compile), and local {@code $ref}s that point at nothing. Unknown keywords are allowed (JSON Schema ignores
 * them); references to other documents are left to the registry's reference resolution.
 */
final class JsonSchemaSyntax {
    private static final List<String> NON_NEGATIVE_INTEGERS = List.of("minLength", "maxLength", "minItems",
            "maxItems", "minProperties", "maxProperties", "minContains", "maxContains");
    private static final List<String> NUMBERS = List.of("minimum", "maximum");
    private static final List<String> STRINGS = List.of("pattern", "format", "$ref", "$schema", "$anchor",
            "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "title", "description", "contentEncoding",
            "contentMediaType");

    private JsonSchemaSyntax() {
    }

    /** @throws InvalidSchemaException naming the first problem and where it is */
    static void check(JsonSchemaDocument document) {
        SubschemaWalker.walk(document.root(), (schema, path) -> checkSchema(document, schema, path));
    }

    private static void checkSchema(JsonSchemaDocument document, JsonNode schema, String path) {
        if (schema.isBoolean()) {
            return;
        }
        if (!schema.isObject()) {
            throw invalid(path, "a schema must be an object or a boolean");
        }
        checkType(schema.get("type"), path);
        for (String keyword : NON_NEGATIVE_INTEGERS) {
            JsonNode value = schema.get(keyword);
            if (value != null && !(value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0)) {
                throw invalid(path + "/" + keyword, "must be a non-negative integer");
            }
        }
        for (String keyword : NUMBERS) {
            requireKind(schema, keyword, path, JsonNode::isNumber, "must be a number");
        }
        for (String keyword : STRINGS) {
            requireKind(schema, keyword, path, JsonNode::isTextual, "must be a string");
        }
        for (String keyword : List.of("exclusiveMinimum", "exclusiveMaximum")) {
            // A boolean in draft 4, a number from draft 6 on; both spellings are seen in the wild.
            requireKind(schema, keyword, path, v -> v.isNumber() || v.isBoolean(), "must be a number");
        }
        JsonNode multipleOf = schema.get("multipleOf");
        if (multipleOf != null && !(multipleOf.isNumber() && multipleOf.decimalValue().signum() > 0)) {
            throw invalid(path + "/multipleOf", "must be a number greater than 0");
        }
        requireKind(schema, "uniqueItems", path, JsonNode::isBoolean, "must be a boolean");
        requireKind(schema, "enum", path, JsonNode::isArray, "must be an array");
        checkStringArray(schema.get("required"), path + "/required");
        for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
            requireKind(schema, keyword, path, v -> v.isArray() && v.size() > 0, "must be a non-empty array");
        }
        requireKind(schema, "prefixItems", path, JsonNode::isArray, "must be an array");
        requireKind(schema, "items", path, v -> v.isArray() || v.isObject() || v.isBoolean(),
                "must be a schema or an array of schemas");
        for (String keyword : SubschemaWalker.MAPS) {
            requireKind(schema, keyword, path, JsonNode::isObject, "must be an object");
        }
        checkPatterns(schema, path);
        checkDependencies(schema, path);
        checkLocalRef(document, schema, path);
    }

    private static void checkType(JsonNode type, String path) {
        if (type == null) {
            return;
        }
        if (type.isTextual()) {
            if (!SchemaShapes.TYPE_NAMES.contains(type.asText())) {
                throw invalid(path + "/type", "unknown type '" + type.asText() + "'");
            }
            return;
        }
        if (!type.isArray() || type.isEmpty()) {
            throw invalid(path + "/type", "must be a type name or a non-empty array of type names");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode name : type) {
            if (!name.isTextual() || !SchemaShapes.TYPE_NAMES.contains(name.asText())) {
                throw invalid(path + "/type", "unknown type " + name);
            }
            if (!seen.add(name.asText())) {
                throw invalid(path + "/type", "type " + name + " is listed twice");
            }
        }
    }

    private static void checkPatterns(JsonNode schema, String path) {
        JsonNode pattern = schema.get("pattern");
        if (pattern != null) {
            compile(pattern.asText(), path + "/pattern");
        }
        JsonNode patternProperties = schema.get("patternProperties");
        if (patternProperties != null) {
            patternProperties.fieldNames().forEachRemaining(p -> compile(p, path + "/patternProperties"));
        }
    }

    private static void checkDependencies(JsonNode schema, String path) {
        JsonNode dependencies = schema.get("dependencies");
        if (dependencies != null) {
            if (!dependencies.isObject()) {
                throw invalid(path + "/dependencies", "must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = dependencies.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isArray()) {
                    checkStringArray(e.getValue(), path + "/dependencies/" + SubschemaWalker.escape(e.getKey()));
                }
            }
        }
        JsonNode dependentRequired = schema.get("dependentRequired");
        if (dependentRequired != null) {
            if (!dependentRequired.isObject()) {
                throw invalid(path + "/dependentRequired", "must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = dependentRequired.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = path + "/dependentRequired/" + SubschemaWalker.escape(e.getKey());
                if (!e.getValue().isArray()) {
                    throw invalid(at, "must be an array of strings");
                }
                checkStringArray(e.getValue(), at);
            }
        }
    }

    /** Only refs within this document can be checked here; others may name registry references. */
    private static void checkLocalRef(JsonSchemaDocument document, JsonNode schema, String path) {
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.asText().startsWith("#") && document.resolve(ref.asText()) == null) {
            throw invalid(path + "/$ref", "'" + ref.asText() + "' points at nothing in this schema");
        }
    }

    private static void checkStringArray(JsonNode array, String path) {
        if (array == null) {
            return;
        }
        if (!array.isArray()) {
            throw invalid(path, "must be an array of strings");
        }
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                throw invalid(path, "must be an array of strings");
            }
        }
    }

    private static void compile(String regex, String path) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw invalid(path, "'" + regex + "' is not a valid regular expression: " + e.getDescription());
        }
    }

    private static void requireKind(JsonNode schema, String keyword, String path,
                                    Predicate<JsonNode> ok, String expectation) {
        JsonNode value = schema.get(keyword);
        if (value != null && !ok.test(value)) {
            throw invalid(path + "/" + keyword, expectation);
        }
    }

    private static InvalidSchemaException invalid(String path, String problem) {
        return new InvalidSchemaException("Invalid schema: #" + path + " " + problem);
    }
}
