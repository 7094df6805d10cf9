package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** TEMPORARY placeholder: being written by the core-formats helper. */
final class JsonSchemaCompatibility {
    private JsonSchemaCompatibility() {
    }

    static List<String> readIncompatibilities(JsonNode reader, JsonNode writer) {
        throw new UnsupportedOperationException("in progress");
    }
}
