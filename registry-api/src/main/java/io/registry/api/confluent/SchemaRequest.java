package io.registry.api.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.api.http.RegistryException;
import io.registry.api.http.RequestBodies;
import io.registry.core.command.ErrorCode;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of register, lookup and compatibility requests. Unknown fields are ignored (clients send extras);
 * {@code metadata} and {@code ruleSet} are kept as given.
 */
record SchemaRequest(String schema, SchemaType schemaType, List<SchemaReference> references, Integer id,
                     Integer version, JsonNode metadata, JsonNode ruleSet) {

    static SchemaRequest parse(byte[] body) {
        JsonNode node = RequestBodies.object(body);
        String schema = RequestBodies.text(node, "schema");
        if (schema == null || schema.isBlank()) {
            throw new RegistryException(ErrorCode.INVALID_SCHEMA, "Empty schema");
        }
        SchemaType type;
        try {
            type = SchemaType.fromWire(RequestBodies.text(node, "schemaType"));
        } catch (InvalidSchemaException e) {
            throw new RegistryException(ErrorCode.INVALID_SCHEMA, e.getMessage());
        }
        return new SchemaRequest(schema, type, references(node.get("references")),
                RequestBodies.integer(node, "id"), RequestBodies.integer(node, "version"),
                present(node.get("metadata")), present(node.get("ruleSet")));
    }

    private static List<SchemaReference> references(JsonNode node) {
        List<SchemaReference> refs = new ArrayList<>();
        if (node == null || node.isNull()) {
            return refs;
        }
        if (!node.isArray()) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "Field 'references' must be an array");
        }
        for (JsonNode r : node) {
            if (!r.isObject()) {
                throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "Each reference must be an object");
            }
            String name = RequestBodies.text(r, "name");
            String subject = RequestBodies.text(r, "subject");
            Integer version = RequestBodies.integer(r, "version");
            if (name == null || subject == null || version == null) {
                throw new RegistryException(ErrorCode.INVALID_SCHEMA,
                        "Invalid schema: a reference needs name, subject and version");
            }
            refs.add(new SchemaReference(name, subject, version));
        }
        return refs;
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
