package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change found between a writer schema and a reader schema, at a JSON-pointer-like path
 * ("#/properties/a"; the root is "#/", as in Confluent).
 */
record Difference(DifferenceType type, String path) {
    private static final ObjectMapper JSON = new ObjectMapper();

    boolean compatible() {
        return type.compatible();
    }

    /** {@code {"errorType":"…","description":"…","path":"#/…"}}, the message the registry reports. */
    String toMessage() {
        ObjectNode node = JSON.createObjectNode();
        node.put("errorType", type.name());
        node.put("description", type.describe(path));
        node.put("path", path);
        return node.toString();
    }

    /** The same difference found under {@code prefix} (a memoized comparison reused at another path). */
    Difference under(String prefix) {
        if (prefix.equals(DiffContext.ROOT)) {
            return this;
        }
        return new Difference(type, path.equals(DiffContext.ROOT) ? prefix : prefix + "/" + path.substring(2));
    }
}
