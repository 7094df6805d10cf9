package io.registry.core.schema.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One schema document and what its {@code $ref}s can point at: its own JSON pointers, {@code $id}s and
 * anchors, and the documents of the schema's registry references (keyed by reference name, which is what
 * Confluent's JSON Schema provider matches a {@code $ref} against). Pure lookups: nothing is ever fetched.
 */
final class JsonSchemaDocument {
    private static final URI PLACEHOLDER_BASE = URI.create("urn:registry:root");

    private final JsonNode root;
    private final JsonSchemaDraft draft;
    private final URI base;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<String, JsonNode> byId = new HashMap<>();
    private final Map<String, JsonSchemaDocument> external;

    JsonSchemaDocument(JsonNode root, Map<String, JsonSchemaDocument> external) {
        this.root = root;
        this.draft = JsonSchemaDraft.of(root);
        this.external = external == null ? Map.of() : external;
        this.base = baseOf(root, draft);
        SubschemaWalker.walk(root, (schema, path) -> index(schema));
    }

    static JsonSchemaDocument standalone(JsonNode root) {
        return new JsonSchemaDocument(root, Map.of());
    }

    JsonNode root() {
        return root;
    }

    JsonSchemaDraft draft() {
        return draft;
    }

    SchemaNode rootNode() {
        return new SchemaNode(root, this);
    }

    /** The schema {@code ref} points at, or null when it points at nothing we hold. */
    SchemaNode resolve(String ref) {
        int hash = ref.indexOf('#');
        String location = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        JsonSchemaDocument target = location.isEmpty() ? this : locate(location);
        if (target == null) {
            return null;
        }
        JsonNode start = location.isEmpty() ? target.root : target.byIdOrRoot(location, this);
        return target.fragment(start, fragment);
    }

    private JsonNode byIdOrRoot(String location, JsonSchemaDocument from) {
        JsonNode node = byId.get(from.absolute(location));
        return node == null ? root : node;
    }

    private JsonSchemaDocument locate(String location) {
        String absolute = absolute(location);
        if (byId.containsKey(absolute) || base.toString().equals(absolute)) {
            return this;
        }
        JsonSchemaDocument named = external.get(location);
        if (named != null) {
            return named;
        }
        for (JsonSchemaDocument doc : external.values()) {
            if (doc.base.toString().equals(absolute) || doc.byId.containsKey(absolute)) {
                return doc;
            }
        }
        return null;
    }

    private SchemaNode fragment(JsonNode start, String fragment) {
        String decoded = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (decoded.isEmpty()) {
            return new SchemaNode(start, this);
        }
        if (decoded.startsWith("/")) {
            try {
                JsonNode node = start.at(JsonPointer.compile(decoded));
                return node.isMissingNode() ? null : new SchemaNode(node, this);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        JsonNode anchored = anchors.get(decoded);
        return anchored == null ? null : new SchemaNode(anchored, this);
    }

    private void index(JsonNode schema) {
        if (!schema.isObject()) {
            return;
        }
        // Draft 4 spells $id as "id"; draft 6/7 allow a plain-name fragment ("#Address") as an anchor.
        JsonNode id = schema.get(draft == JsonSchemaDraft.DRAFT_4 ? "id" : "$id");
        if (id != null && id.isTextual()) {
            String value = id.asText();
            if (value.startsWith("#")) {
                anchors.putIfAbsent(value.substring(1), schema);
            } else if (schema != root) {
                byId.putIfAbsent(absolute(value), schema);
            }
        }
        for (String keyword : new String[]{"$anchor", "$dynamicAnchor"}) {
            JsonNode anchor = schema.get(keyword);
            if (anchor != null && anchor.isTextual()) {
                anchors.putIfAbsent(anchor.asText(), schema);
            }
        }
    }

    /** {@code location} resolved against the root's {@code $id} (an opaque placeholder base leaves it as is). */
    private String absolute(String location) {
        try {
            return stripFragment(base.resolve(URI.create(location)).toString());
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    private static URI baseOf(JsonNode root, JsonSchemaDraft draft) {
        JsonNode id = root.isObject() ? root.get(draft == JsonSchemaDraft.DRAFT_4 ? "id" : "$id") : null;
        if (id != null && id.isTextual() && !id.asText().startsWith("#")) {
            try {
                URI uri = URI.create(stripFragment(id.asText()));
                if (uri.isAbsolute()) {
                    return uri;
                }
            } catch (IllegalArgumentException e) {
                // an unusable $id leaves the placeholder base in force
            }
        }
        return PLACEHOLDER_BASE;
    }

    private static String stripFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }
}
