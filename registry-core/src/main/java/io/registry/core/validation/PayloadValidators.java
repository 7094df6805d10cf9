package io.registry.core.validation;

import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.avro.AvroParsedSchema;
import io.registry.core.schema.json.JsonParsedSchema;
import io.registry.core.schema.protobuf.ProtobufParsedSchema;

/** Compiles the payload validator of a parsed schema of any supported format. */
public final class PayloadValidators {
    private PayloadValidators() {
    }

    public static PayloadValidator compile(ParsedSchema schema) {
        return compile(schema, null);
    }

    /**
     * @param message for Protobuf, the fully qualified message to check payloads against (null: the file's first
     *                message); ignored by the other formats
     * @throws IllegalArgumentException when the file has no such message
     */
    public static PayloadValidator compile(ParsedSchema schema, String message) {
        if (schema instanceof JsonParsedSchema json) {
            return new JsonPayloadValidator(json);
        }
        if (schema instanceof AvroParsedSchema avro) {
            return new AvroPayloadValidator(avro.schema());
        }
        if (schema instanceof ProtobufParsedSchema proto) {
            return new ProtobufPayloadValidator(proto, message);
        }
        throw new IllegalArgumentException("no payload validator for " + schema.type());
    }

    /** Appends one RFC 6901 reference token to a pointer ({@code ~} → {@code ~0}, {@code /} → {@code ~1}). */
    static String child(String pointer, String token) {
        return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
