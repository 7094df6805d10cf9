package io.registry.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.core.command.ErrorCode;

/** Parses request bodies leniently (unknown fields are ignored) and turns malformed JSON into a 400, never a 500. */
public final class RequestBodies {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestBodies() {
    }

    public static JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw new RegistryException(ErrorCode.BAD_REQUEST, "Request body is required");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new RegistryException(ErrorCode.BAD_REQUEST, "Malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new RegistryException(ErrorCode.BAD_REQUEST, "Unreadable body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new RegistryException(ErrorCode.BAD_REQUEST, "Request body must be a JSON object");
        }
        return node;
    }

    /** A text field, or null when absent or JSON null. Non-text values are an error rather than silently coerced. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "Field '" + field + "' must be a string");
        }
        return v.asText();
    }

    public static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "Field '" + field + "' must be a boolean");
        }
        return v.asBoolean();
    }

    public static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "Field '" + field + "' must be an integer");
        }
        return v.asInt();
    }
}
