package io.registry.core.validation;

/**
 * One reason a payload does not conform.
 *
 * @param path    JSON Pointer (RFC 6901) of the offending value in the payload; "" is the payload itself. For a
 *                missing required member it points at the member that is missing.
 * @param keyword the schema keyword (JSON Schema) or rule (Avro/Protobuf: {@code type}, {@code required},
 *                {@code additionalProperties}, {@code enum}, {@code union}, {@code logicalType}…) that failed
 */
public record ValidationError(String path, String keyword, String message) {
}
