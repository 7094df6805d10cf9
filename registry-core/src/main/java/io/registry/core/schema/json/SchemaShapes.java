package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.schema.json.SchemaShape.AnyShape;
import io.registry.core.schema.json.SchemaShape.ArrayShape;
import io.registry.core.schema.json.SchemaShape.BooleanShape;
import io.registry.core.schema.json.SchemaShape.CombinedShape;
import io.registry.core.schema.json.SchemaShape.ConditionalShape;
import io.registry.core.schema.json.SchemaShape.Criterion;
import io.registry.core.schema.json.SchemaShape.EnumShape;
import io.registry.core.schema.json.SchemaShape.NotShape;
import io.registry.core.schema.json.SchemaShape.NothingShape;
import io.registry.core.schema.json.SchemaShape.NullShape;
import io.registry.core.schema.json.SchemaShape.NumberShape;
import io.registry.core.schema.json.SchemaShape.ObjectShape;
import io.registry.core.schema.json.SchemaShape.RefShape;
import io.registry.core.schema.json.SchemaShape.StringShape;
import io.registry.core.schema.json.SchemaShape.UnresolvedRefShape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Splits a schema object into the {@link SchemaShape}s it asserts. */
final class SchemaShapes {
    static final Set<String> OBJECT_KEYWORDS = Set.of("properties", "patternProperties", "additionalProperties",
            "required", "minProperties", "maxProperties", "dependencies", "dependentRequired", "dependentSchemas",
            "propertyNames", "unevaluatedProperties");
    static final Set<String> ARRAY_KEYWORDS = Set.of("items", "prefixItems", "additionalItems", "minItems",
            "maxItems", "uniqueItems", "contains", "minContains", "maxContains", "unevaluatedItems");
    // "format" is left out on purpose: it is an annotation (Confluent's diff ignores it), so it must not turn
    // an otherwise empty schema into a string-only one.
    static final Set<String> STRING_KEYWORDS = Set.of("minLength", "maxLength", "pattern");
    static final Set<String> NUMBER_KEYWORDS = Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "multipleOf");
    static final Set<String> TYPE_NAMES = Set.of("null", "boolean", "object", "array", "number", "string",
            "integer");
    /** Longest chain of refs that only point at further refs before we call it a loop (e.g. {"$ref":"#"}). */
    private static final int MAX_REF_CHAIN = 64;

    private SchemaShapes() {
    }

    static SchemaShape of(SchemaNode node) {
        JsonNode json = node.json();
        if (json.isBoolean()) {
            return json.booleanValue() ? new AnyShape(node) : new NothingShape(node);
        }
        if (!json.isObject()) {
            return new AnyShape(node);
        }
        String ref = refOf(json);
        if (ref != null && node.draft().refHidesSiblings()) {
            return new RefShape(node, ref);
        }
        List<SchemaShape> facets = new ArrayList<>();
        if (ref != null) {
            facets.add(new RefShape(node, ref));
        }
        JsonNode values = json.get("enum");
        if (values != null && values.isArray()) {
            List<JsonNode> list = new ArrayList<>();
            values.forEach(list::add);
            facets.add(new EnumShape(node, "enum", list));
        }
        if (json.has("const")) {
            facets.add(new EnumShape(node, "const", List.of(json.get("const"))));
        }
        for (Criterion criterion : Criterion.values()) {
            JsonNode subschemas = json.get(criterion.keyword());
            if (subschemas != null && subschemas.isArray()) {
                List<SchemaShape> shapes = new ArrayList<>();
                subschemas.forEach(s -> shapes.add(of(node.child(s))));
                facets.add(new CombinedShape(node, criterion, shapes, false));
            }
        }
        if (json.has("not")) {
            facets.add(new NotShape(node, node.keyword("not")));
        }
        if (json.has("if")) {
            facets.add(new ConditionalShape(node));
        }
        addTypeFacets(node, facets);
        if (facets.isEmpty()) {
            return new AnyShape(node);
        }
        return facets.size() == 1 ? facets.get(0) : new CombinedShape(node, Criterion.ALL_OF, facets, true);
    }

    /**
     * Follows {@code $ref}s until a shape that asserts something. A ref that points at nothing becomes an
     * {@link UnresolvedRefShape}; a ring of refs that only point at each other accepts everything.
     */
    static SchemaShape resolved(SchemaShape shape) {
        Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        SchemaShape current = shape;
        while (current instanceof RefShape ref) {
            if (!seen.add(ref.node().json()) || seen.size() > MAX_REF_CHAIN) {
                return new AnyShape(ref.node());
            }
            SchemaNode target = ref.node().document().resolve(ref.ref());
            if (target == null) {
                return new UnresolvedRefShape(ref.node(), ref.ref());
            }
            current = of(target);
        }
        return current;
    }

    /** True when the schema at {@code node} accepts every document ({@code true}, {@code {}}, annotations). */
    static boolean acceptsEverything(SchemaNode node) {
        return node == null || resolved(of(node)) instanceof AnyShape;
    }

    static String refOf(JsonNode json) {
        for (String keyword : new String[]{"$ref", "$recursiveRef", "$dynamicRef"}) {
            JsonNode ref = json.get(keyword);
            if (ref != null && ref.isTextual()) {
                return ref.asText();
            }
        }
        return null;
    }

    private static void addTypeFacets(SchemaNode node, List<SchemaShape> facets) {
        JsonNode type = node.json().get("type");
        if (type != null && type.isTextual()) {
            SchemaShape typed = typed(node, type.asText());
            if (typed != null) {
                facets.add(typed);
            }
        } else if (type != null && type.isArray()) {
            List<SchemaShape> union = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode name : type) {
                SchemaShape typed = seen.add(name.asText()) ? typed(node, name.asText()) : null;
                if (typed != null) {
                    union.add(typed);
                }
            }
            if (union.size() == 1) {
                facets.add(union.get(0));
            } else if (!union.isEmpty()) {
                facets.add(new CombinedShape(node, Criterion.ANY_OF, union, true));
            }
        } else {
            // No "type": each keyword family applies to its own kind of value (and lets other kinds through).
            if (hasAny(node.json(), OBJECT_KEYWORDS)) {
                facets.add(new ObjectShape(node));
            }
            if (hasAny(node.json(), ARRAY_KEYWORDS)) {
                facets.add(new ArrayShape(node));
            }
            if (hasAny(node.json(), STRING_KEYWORDS)) {
                facets.add(new StringShape(node));
            }
            if (hasAny(node.json(), NUMBER_KEYWORDS)) {
                facets.add(new NumberShape(node, false));
            }
        }
    }

    private static SchemaShape typed(SchemaNode node, String type) {
        switch (type) {
            case "null":
                return new NullShape(node);
            case "boolean":
                return new BooleanShape(node);
            case "string":
                return new StringShape(node);
            case "integer":
                return new NumberShape(node, true);
            case "number":
                return new NumberShape(node, false);
            case "object":
                return new ObjectShape(node);
            case "array":
                return new ArrayShape(node);
            default:
                return null;
        }
    }

    private static boolean hasAny(JsonNode json, Set<String> keywords) {
        for (String keyword : keywords) {
            if (json.has(keyword)) {
                return true;
            }
        }
        return false;
    }
}
