package io.registry.core.schema.protobuf;

/**
 * Groups of scalar types that share a wire encoding, so data written as one reads as another (Protobuf's
 * "Updating A Message Type" rules, as grouped by Confluent): varints, zigzag varints, length-delimited
 * text/bytes, 32- and 64-bit fixed, float and double. Enums are varints too.
 */
enum ScalarKind {
    VARINT, ZIGZAG_VARINT, STRING_OR_BYTES, FIXED32, FIXED64, FLOAT, DOUBLE;

    static ScalarKind of(String scalar) {
        return switch (scalar) {
            case "int32", "int64", "uint32", "uint64", "bool" -> VARINT;
            case "sint32", "sint64" -> ZIGZAG_VARINT;
            case "string", "bytes" -> STRING_OR_BYTES;
            case "fixed32", "sfixed32" -> FIXED32;
            case "fixed64", "sfixed64" -> FIXED64;
            case "float" -> FLOAT;
            case "double" -> DOUBLE;
            default -> throw new IllegalArgumentException("Not a scalar type: " + scalar);
        };
    }

    boolean numeric() {
        return this != STRING_OR_BYTES;
    }
}
