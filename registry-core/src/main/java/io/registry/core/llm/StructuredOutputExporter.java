package io.registry.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Exports a JSON Schema as a provider's strict structured-output and tool definition, or lists every construct
 * the provider's strict mode does not accept. The schema is embedded exactly as registered: nothing is added,
 * dropped or rewritten, so a schema that needs changes is refused rather than silently altered.
 *
 * <p>Rules per provider (their documentation, as of 2026-11):
 * <ul>
 * <li>OpenAI Structured Outputs ({@code strict: true}): root is an object (not {@code anyOf}); every object sets
 *     {@code additionalProperties: false} and lists every property in {@code required}; keywords limited to type,
 *     properties, required, additionalProperties, items, enum, const, anyOf, $ref/$defs, description/title, string
 *     {@code pattern}/{@code format} (date-time, time, date, duration, email, hostname, ipv4, ipv6, uuid), number
 *     {@code minimum}/{@code maximum}/{@code exclusive*}/{@code multipleOf}, array {@code minItems}/{@code maxItems};
 *     at most 5000 object properties, 10 levels of object nesting, 1000 enum values, 120,000 characters of
 *     property names, definition names, enum and const values, 15,000 characters for one enum of over 250
 *     values.</li>
 * <li>Anthropic structured outputs / strict tool use: every object sets {@code additionalProperties: false};
 *     no recursive schemas, no numeric constraints (minimum, maximum, multipleOf…), no string length constraints,
 *     {@code minItems} only 0 or 1, no {@code maxItems}; formats date-time, time, date, duration, email, hostname,
 *     uri, ipv4, ipv6, uuid; only local {@code $ref}s.</li>
 * <li>Gemini ({@code responseJsonSchema} / {@code parametersJsonSchema}): the supported subset is type, title,
 *     description, enum, format, properties, required, additionalProperties, items, prefixItems, minItems,
 *     maxItems, minimum, maximum, anyOf, $ref, $defs, $id, $anchor, propertyOrdering; anything else would be
 *     ignored by the model, so it is refused here.</li>
 * </ul>
 * Every provider: a boolean schema, a {@code $ref} outside the document and a tool name outside
 * {@code [a-zA-Z0-9_-]{1,64}} are refused.
 */
public final class StructuredOutputExporter {
    public static final int OPENAI_MAX_PROPERTIES = 5000;
    public static final int OPENAI_MAX_NESTING = 10;
    public static final int OPENAI_MAX_ENUM_VALUES = 1000;
    public static final int OPENAI_MAX_STRING_CHARS = 120_000;
    public static final int OPENAI_LARGE_ENUM = 250;
    public static final int OPENAI_LARGE_ENUM_CHARS = 15_000;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description");
    private static final Set<String> OPENAI_KEYWORDS = Set.of("type", "properties", "required",
            "additionalProperties", "items", "enum", "const", "anyOf", "$ref", "$defs", "definitions", "pattern",
            "format", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "minItems",
            "maxItems");
    private static final Set<String> OPENAI_FORMATS = Set.of("date-time", "time", "date", "duration", "email",
            "hostname", "ipv4", "ipv6", "uuid");
    private static final Set<String> ANTHROPIC_KEYWORDS = Set.of("type", "properties", "required",
            "additionalProperties", "items", "enum", "const", "anyOf", "allOf", "$ref", "$defs", "definitions",
            "default", "format", "pattern", "minItems");
    private static final Set<String> ANTHROPIC_FORMATS = Set.of("date-time", "time", "date", "duration", "email",
            "hostname", "uri", "ipv4", "ipv6", "uuid");
    private static final Set<String> GEMINI_KEYWORDS = Set.of("type", "enum", "format", "properties", "required",
            "additionalProperties", "items", "prefixItems", "minItems", "maxItems", "minimum", "maximum", "anyOf",
            "$ref", "$defs", "$anchor", "propertyOrdering");
    private static final Set<String> GEMINI_FORMATS = Set.of("date-time", "date", "time", "int32", "int64",
            "float", "double");
    /** Keywords whose value is an object of name → schema. */
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "$defs", "definitions", "patternProperties",
            "dependentSchemas");
    /** Keywords whose value is one schema. */
    private static final Set<String> SCHEMA_VALUES = Set.of("additionalProperties", "not", "if", "then", "else",
            "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "additionalItems");
    /** Keywords whose value is an array of schemas. */
    private static final Set<String> SCHEMA_ARRAYS = Set.of("anyOf", "allOf", "oneOf", "prefixItems");

    private StructuredOutputExporter() {
    }

    public static ExportResult export(LlmTarget target, String name, String description, JsonNode schema) {
        Walk walk = new Walk(target, schema);
        if (name == null || !NAME.matcher(name).matches()) {
            walk.problem("", "name", "the definition name \"" + name + "\" must match [a-zA-Z0-9_-]{1,64}");
        }
        walk.root();
        if (!walk.problems.isEmpty()) {
            return new ExportResult(target, null, walk.problems);
        }
        return new ExportResult(target, definition(target, name, description, schema), List.of());
    }

    private static JsonNode definition(LlmTarget target, String name, String description, JsonNode schema) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        switch (target) {
            case OPENAI: {
                ObjectNode jsonSchema = f.objectNode().put("name", name);
                if (description != null) {
                    jsonSchema.put("description", description);
                }
                jsonSchema.put("strict", true).set("schema", schema);
                out.set("response_format", f.objectNode().put("type", "json_schema").set("json_schema", jsonSchema));
                ObjectNode function = f.objectNode().put("name", name);
                if (description != null) {
                    function.put("description", description);
                }
                function.put("strict", true).set("parameters", schema);
                out.set("tool", f.objectNode().put("type", "function").set("function", function));
                return out;
            }
            case ANTHROPIC: {
                ObjectNode tool = f.objectNode().put("name", name);
                if (description != null) {
                    tool.put("description", description);
                }
                tool.set("input_schema", schema);
                tool.put("strict", true);
                out.set("tool", tool);
                out.set("output_format", f.objectNode().put("type", "json_schema").set("schema", schema));
                return out;
            }
            default: {
                ObjectNode declaration = f.objectNode().put("name", name);
                if (description != null) {
                    declaration.put("description", description);
                }
                declaration.set("parametersJsonSchema", schema);
                out.set("function_declaration", declaration);
                out.set("generation_config", f.objectNode().put("responseMimeType", "application/json")
                        .set("responseJsonSchema", schema));
                return out;
            }
        }
    }

    private static final class Walk {
        final LlmTarget target;
        final JsonNode root;
        final List<ExportProblem> problems = new ArrayList<>();
        int properties;
        int enumValues;
        long stringChars;
        final Map<String, Set<String>> refsByDefinition = new HashMap<>();
        String currentDefinition;

        Walk(LlmTarget target, JsonNode root) {
            this.target = target;
            this.root = root;
        }

        void problem(String path, String construct, String message) {
            problems.add(new ExportProblem(path, construct, message));
        }

        void root() {
            if (!root.isObject()) {
                problem("", "type", "the root must be a JSON Schema object");
                return;
            }
            if (target == LlmTarget.OPENAI) {
                if (!"object".equals(root.path("type").asText(null)) || root.has("anyOf")) {
                    problem("", "type", "OpenAI strict mode needs a root of \"type\": \"object\" (not anyOf)");
                }
            }
            schema(root, "", 0);
            if (target == LlmTarget.OPENAI) {
                if (properties > OPENAI_MAX_PROPERTIES) {
                    problem("", "maxProperties", properties + " object properties in total; OpenAI allows "
                            + OPENAI_MAX_PROPERTIES);
                }
                if (enumValues > OPENAI_MAX_ENUM_VALUES) {
                    problem("", "enum", enumValues + " enum values in total; OpenAI allows "
                            + OPENAI_MAX_ENUM_VALUES);
                }
                if (stringChars > OPENAI_MAX_STRING_CHARS) {
                    problem("", "stringSize", stringChars + " characters of property names, definition names, enum "
                            + "and const values; OpenAI allows " + OPENAI_MAX_STRING_CHARS);
                }
            }
            if (target == LlmTarget.ANTHROPIC) {
                recursion();
            }
        }

        /** @param depth levels of object nesting above this schema */
        void schema(JsonNode node, String path, int depth) {
            if (node.isBoolean()) {
                problem(path, "booleanSchema", "boolean schema '" + node + "' is not supported; use an object");
                return;
            }
            if (!node.isObject()) {
                return;
            }
            boolean isObject = isObjectSchema(node);
            int nesting = isObject ? depth + 1 : depth;
            if (target == LlmTarget.OPENAI && isObject && nesting == OPENAI_MAX_NESTING + 1) {
                problem(path, "maxNesting", "objects nest " + nesting + " levels deep here; OpenAI allows "
                        + OPENAI_MAX_NESTING);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                keyword(node, e.getKey(), e.getValue(), path, nesting);
            }
            if (isObject) {
                objectRules(node, path);
            }
        }

        void keyword(JsonNode schema, String key, JsonNode value, String path, int depth) {
            String at = child(path, key);
            if (!ANNOTATIONS.contains(key) && !allowed().contains(key)) {
                problem(at, key, "\"" + key + "\" is not supported by " + label() + " strict mode");
            }
            switch (key) {
                case "format":
                    if (allowed().contains("format") && !formats().contains(value.asText())) {
                        problem(at, "format", "format \"" + value.asText() + "\" is not supported by " + label()
                                + "; supported: " + new java.util.TreeSet<>(formats()));
                    }
                    break;
                case "minItems":
                    if (target == LlmTarget.ANTHROPIC && value.asInt() > 1) {
                        problem(at, "minItems", "Anthropic supports minItems of 0 or 1 only, got " + value);
                    }
                    break;
                case "additionalProperties":
                    if (value.isObject() && target != LlmTarget.GEMINI) {
                        problem(at, "additionalProperties", label() + " needs additionalProperties: false, not a "
                                + "schema");
                    }
                    break;
                case "$ref":
                    String ref = value.asText();
                    if (!ref.startsWith("#")) {
                        problem(at, "$ref", "$ref \"" + ref + "\" points outside the schema; only local "
                                + "references (#/$defs/...) are supported");
                    } else {
                        refsByDefinition.computeIfAbsent(currentDefinition == null ? "#" : currentDefinition,
                                k -> new HashSet<>()).add(ref);
                    }
                    break;
                case "enum":
                    if (value.isArray()) {
                        enumValues += value.size();
                        long chars = 0;
                        for (JsonNode v : value) {
                            chars += v.isTextual() ? v.asText().length() : v.toString().length();
                        }
                        stringChars += chars;
                        if (target == LlmTarget.OPENAI && value.size() > OPENAI_LARGE_ENUM
                                && chars > OPENAI_LARGE_ENUM_CHARS) {
                            problem(at, "enum", "an enum of " + value.size() + " values totals " + chars
                                    + " characters; OpenAI allows " + OPENAI_LARGE_ENUM_CHARS + " for enums over "
                                    + OPENAI_LARGE_ENUM + " values");
                        }
                    }
                    break;
                case "const":
                    stringChars += value.isTextual() ? value.asText().length() : value.toString().length();
                    break;
                default:
                    break;
            }
            if (SCHEMA_MAPS.contains(key) && value.isObject()) {
                boolean definitions = key.equals("$defs") || key.equals("definitions");
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    stringChars += e.getKey().length();
                    if (key.equals("properties")) {
                        properties++;
                    }
                    String previous = currentDefinition;
                    if (definitions && path.isEmpty()) {
                        currentDefinition = "#/" + key + "/" + e.getKey();
                    }
                    schema(e.getValue(), child(at, e.getKey()), definitions ? 0 : depth);
                    currentDefinition = previous;
                }
            } else if (SCHEMA_VALUES.contains(key) && !(key.equals("additionalProperties") && value.isBoolean())) {
                schema(value, at, depth);
            } else if (SCHEMA_ARRAYS.contains(key) && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    schema(value.get(i), at + "/" + i, depth);
                }
            } else if (key.equals("items")) {
                if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        schema(value.get(i), at + "/" + i, depth);
                    }
                } else {
                    schema(value, at, depth);
                }
            }
        }

        void objectRules(JsonNode node, String path) {
            JsonNode additional = node.get("additionalProperties");
            boolean closed = additional != null && additional.isBoolean() && !additional.asBoolean();
            if (target != LlmTarget.GEMINI && !closed) {
                problem(path, "additionalProperties", label() + " strict mode needs \"additionalProperties\": "
                        + "false on every object");
            }
            if (target == LlmTarget.OPENAI) {
                Set<String> required = new HashSet<>();
                node.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<String> it = node.path("properties").fieldNames(); it.hasNext(); ) {
                    String p = it.next();
                    if (!required.contains(p)) {
                        problem(child(child(path, "properties"), p), "required", "property \"" + p
                                + "\" is optional; OpenAI strict mode needs every property in \"required\" "
                                + "(express optional values as a union with null)");
                    }
                }
            }
        }

        /** Anthropic refuses recursive schemas: a definition that reaches itself through $refs. */
        void recursion() {
            for (String start : refsByDefinition.keySet()) {
                if (start.equals("#")) {
                    continue;
                }
                if (reaches(start, start, new HashSet<>())) {
                    problem(start.substring(1), "$ref", "definition " + start + " is recursive; Anthropic strict "
                            + "mode does not support recursive schemas");
                }
            }
            Set<String> fromRoot = refsByDefinition.getOrDefault("#", Set.of());
            if (fromRoot.contains("#")) {
                problem("", "$ref", "the root schema refers to itself; Anthropic strict mode does not support "
                        + "recursive schemas");
            }
        }

        boolean reaches(String from, String target, Set<String> seen) {
            for (String next : refsByDefinition.getOrDefault(from, Set.of())) {
                if (next.equals(target)) {
                    return true;
                }
                if (seen.add(next) && reaches(next, target, seen)) {
                    return true;
                }
            }
            return false;
        }

        Set<String> allowed() {
            switch (target) {
                case OPENAI:
                    return OPENAI_KEYWORDS;
                case ANTHROPIC:
                    return ANTHROPIC_KEYWORDS;
                default:
                    return GEMINI_KEYWORDS;
            }
        }

        Set<String> formats() {
            switch (target) {
                case OPENAI:
                    return OPENAI_FORMATS;
                case ANTHROPIC:
                    return ANTHROPIC_FORMATS;
                default:
                    return GEMINI_FORMATS;
            }
        }

        String label() {
            switch (target) {
                case OPENAI:
                    return "OpenAI";
                case ANTHROPIC:
                    return "Anthropic";
                default:
                    return "Gemini";
            }
        }

        static boolean isObjectSchema(JsonNode node) {
            JsonNode type = node.get("type");
            if (type != null && type.isTextual()) {
                return type.asText().equals("object");
            }
            if (type != null && type.isArray()) {
                for (JsonNode t : type) {
                    if ("object".equals(t.asText())) {
                        return true;
                    }
                }
                return false;
            }
            return type == null && node.has("properties");
        }

        static String child(String pointer, String token) {
            return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
        }
    }
}
