package io.registry.core.schema.protobuf;

/**
 * Confluent's {@code io.confluent.kafka.schemaregistry.protobuf.diff.Difference.Type}, with the same split into
 * compatible and incompatible changes as Confluent's {@code SchemaDiff.COMPATIBLE_CHANGES}, plus
 * {@link #SYNTAX_CHANGED}, which this registry adds.
 *
 * <p>"Compatible" is about reading: data written with the old message can still be parsed by the new one.
 * Protobuf identifies fields by number, so names may change and fields may come and go; what breaks is a
 * number whose wire encoding changes meaning.
 */
enum ProtobufDifferenceType {
    PACKAGE_CHANGED(false, "The package changed, so every fully qualified type name changed"),
    MESSAGE_ADDED(true, "A message was added"),
    MESSAGE_REMOVED(false, "A message was removed or renamed; data written with it cannot be read"),
    MESSAGE_MOVED(true, "A message changed position in the file (payloads carry indexes of their own schema)"),
    ENUM_ADDED(true, "An enum was added"),
    ENUM_REMOVED(true, "An enum was removed"),
    ENUM_CONST_ADDED(true, "An enum constant was added"),
    ENUM_CONST_CHANGED(true, "An enum constant was renamed (its number is what is written)"),
    ENUM_CONST_REMOVED(true, "An enum constant was removed (readers keep unknown numbers)"),
    FIELD_ADDED(true, "A field was added (readers use its default when it is absent)"),
    FIELD_REMOVED(true, "A field was removed (readers skip its number)"),
    FIELD_NAME_CHANGED(true, "A field was renamed (its number is what is written)"),
    FIELD_KIND_CHANGED(false, "A field changed between scalar, message and map"),
    FIELD_SCALAR_KIND_CHANGED(false, "A field changed to a scalar type with a different wire encoding"),
    FIELD_NAMED_TYPE_CHANGED(false, "A field changed to a different or incompatibly changed message type"),
    FIELD_NUMERIC_LABEL_CHANGED(false, "A numeric field changed between repeated and singular"),
    FIELD_STRING_OR_BYTES_LABEL_CHANGED(true, "A string or bytes field changed between repeated and singular"),
    REQUIRED_FIELD_ADDED(false, "A required field was added; data written without it fails to parse"),
    REQUIRED_FIELD_REMOVED(false, "A required field was removed; data written with the old schema expects it"),
    ONEOF_ADDED(true, "A oneof was added"),
    ONEOF_REMOVED(true, "A oneof was removed"),
    ONEOF_FIELD_ADDED(true, "A field was added to a oneof"),
    ONEOF_FIELD_REMOVED(false, "A field was removed from a oneof; a value written in it would be lost"),
    MULTIPLE_FIELDS_MOVED_TO_ONEOF(false, "Several existing fields were moved into one oneof; data setting more"
            + " than one of them would lose all but the last"),
    FIELD_MOVED_TO_EXISTING_ONEOF(false, "An existing field was moved into a oneof that already had fields"),
    /**
     * Not in Confluent, which ignores {@code syntax}. Added because proto2 and proto3 differ in what is written
     * (explicit defaults, required fields, closed enums), so a reader of the other syntax can misread data.
     */
    SYNTAX_CHANGED(false, "The syntax changed between proto2 and proto3");

    private final boolean compatible;
    private final String summary;

    ProtobufDifferenceType(boolean compatible, String summary) {
        this.compatible = compatible;
        this.summary = summary;
    }

    boolean compatible() {
        return compatible;
    }

    String summary() {
        return summary;
    }
}
