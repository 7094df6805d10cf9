package io.registry.core.schema.protobuf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change from a writer's file to a reader's, at a Confluent-style path: {@code #/} for the file,
 * {@code #/User} for a message, {@code #/User/2} for field number 2, {@code #/User/kind/4} for field 4 of
 * oneof {@code kind}. {@code detail} says what changed ({@code int32 -> string}), possibly empty.
 */
record ProtobufDifference(ProtobufDifferenceType type, String path, String detail) {
    private static final ObjectMapper JSON = new ObjectMapper();

    boolean compatible() {
        return type.compatible();
    }

    /** {@code {"errorType":"…","description":"…","path":"#/…"}}, the message the registry reports. */
    String toMessage() {
        ObjectNode node = JSON.createObjectNode();
        node.put("errorType", type.name());
        node.put("description", detail.isEmpty() ? type.summary() : type.summary() + ": " + detail);
        node.put("path", path);
        return node.toString();
    }
}
