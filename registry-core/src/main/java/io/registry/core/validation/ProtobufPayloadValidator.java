package io.registry.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.squareup.wire.schema.EnumType;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.OneOf;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.Type;
import io.registry.core.schema.protobuf.ProtobufParsedSchema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a payload in Protobuf's canonical JSON mapping against one message of the schema (by default its first
 * message, the one Confluent serializers use), over wire's linked model: members by JSON name (lowerCamelCase) or proto name;
 * 64-bit integers as numbers or decimal strings; enums by name or number; bytes as base64; repeated as arrays;
 * maps as objects with keys of the key type; at most one member of a oneof; null meaning "default"; well-known
 * types in their special JSON forms (Timestamp, Duration, wrappers, Struct/Value/ListValue, FieldMask, Any, Empty).
 */
final class ProtobufPayloadValidator implements PayloadValidator {
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DURATION = Pattern.compile("-?\\d+(\\.\\d{1,9})?s");
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final Schema schema;
    private final MessageType root;

    ProtobufPayloadValidator(ProtobufParsedSchema parsed, String message) {
        this.schema = parsed.linkedSchema();
        String name = message != null ? message : parsed.firstMessageName()
                .orElseThrow(() -> new IllegalArgumentException("the .proto file declares no message"));
        if (!(schema.getType(name) instanceof MessageType type)) {
            throw new IllegalArgumentException("no message " + name + " in the schema");
        }
        this.root = type;
    }

    @Override
    public ValidationResult validate(JsonNode payload) {
        List<ValidationError> errors = new ArrayList<>();
        message(root, payload, "", errors);
        return ValidationResult.of(errors);
    }

    private void message(MessageType type, JsonNode v, String path, List<ValidationError> errors) {
        String wellKnown = type.getType().toString();
        if (wellKnown.startsWith("google.protobuf.")) {
            if (wellKnownType(wellKnown, v, path, errors)) {
                return;
            }
        }
        if (!v.isObject()) {
            errors.add(AvroPayloadValidator.type(path, "message " + type.getType() + " (JSON object)", v));
            return;
        }
        Map<String, Field> byName = new HashMap<>();
        for (Field f : type.getFieldsAndOneOfFields()) {
            byName.put(f.getName(), f);
            if (f.getJsonName() != null) {
                byName.put(f.getJsonName(), f);
            }
        }
        Map<OneOf, String> oneOfSeen = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String memberPath = PayloadValidators.child(path, e.getKey());
            Field f = byName.get(e.getKey());
            if (f == null) {
                errors.add(new ValidationError(memberPath, "additionalProperties",
                        "message " + type.getType() + " has no field \"" + e.getKey() + "\""));
                continue;
            }
            if (e.getValue().isNull() && !"google.protobuf.Value".equals(f.getType().toString())) {
                continue; // null = default value
            }
            for (OneOf oneOf : type.getOneOfs()) {
                if (oneOf.getFields().contains(f)) {
                    String previous = oneOfSeen.putIfAbsent(oneOf, e.getKey());
                    if (previous != null) {
                        errors.add(new ValidationError(memberPath, "oneOf", "fields \"" + previous + "\" and \""
                                + e.getKey() + "\" both set, but they belong to oneof " + oneOf.getName()));
                    }
                }
            }
            field(f, e.getValue(), memberPath, errors);
        }
    }

    private void field(Field f, JsonNode v, String path, List<ValidationError> errors) {
        ProtoType t = f.getType();
        if (t.isMap()) {
            if (!v.isObject()) {
                errors.add(AvroPayloadValidator.type(path, "map<" + t.getKeyType() + ", " + t.getValueType()
                        + "> (JSON object)", v));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String entryPath = PayloadValidators.child(path, e.getKey());
                mapKey(t.getKeyType(), e.getKey(), entryPath, errors);
                value(t.getValueType(), e.getValue(), entryPath, errors);
            }
            return;
        }
        if (f.isRepeated()) {
            if (!v.isArray()) {
                errors.add(AvroPayloadValidator.type(path, "repeated " + t + " (JSON array)", v));
                return;
            }
            for (int i = 0; i < v.size(); i++) {
                value(t, v.get(i), PayloadValidators.child(path, i), errors);
            }
            return;
        }
        value(t, v, path, errors);
    }

    private void value(ProtoType t, JsonNode v, String path, List<ValidationError> errors) {
        if (t.isScalar()) {
            scalar(t.toString(), v, path, errors);
            return;
        }
        Type type = schema.getType(t);
        if (type instanceof EnumType e) {
            if (v.isTextual() ? e.constant(v.asText()) == null
                    : !(v.isIntegralNumber() && v.canConvertToInt())) {
                errors.add(new ValidationError(path, "enum", describeEnum(e, v)));
            }
        } else if (type instanceof MessageType m) {
            message(m, v, path, errors);
        } else {
            errors.add(new ValidationError(path, "type", "unknown type " + t));
        }
    }

    private static String describeEnum(EnumType e, JsonNode v) {
        List<String> names = new ArrayList<>();
        e.getConstants().forEach(c -> names.add(c.getName()));
        return (v.isTextual() ? "\"" + v.asText() + "\"" : AvroPayloadValidator.describe(v))
                + " is not a value of enum " + e.getType() + " " + names;
    }

    private static void mapKey(ProtoType keyType, String key, String path, List<ValidationError> errors) {
        String k = keyType.toString();
        if (k.equals("string")) {
            return;
        }
        if (k.equals("bool")) {
            if (!key.equals("true") && !key.equals("false")) {
                errors.add(new ValidationError(path, "propertyNames", "map key must be true or false"));
            }
            return;
        }
        BigInteger n = integer(key);
        if (n == null || !inRange(k, n)) {
            errors.add(new ValidationError(path, "propertyNames", "map key \"" + key + "\" is not a " + k));
        }
    }

    private static void scalar(String kind, JsonNode v, String path, List<ValidationError> errors) {
        switch (kind) {
            case "bool":
                if (!v.isBoolean()) {
                    errors.add(AvroPayloadValidator.type(path, "bool", v));
                }
                return;
            case "string":
                if (!v.isTextual()) {
                    errors.add(AvroPayloadValidator.type(path, "string", v));
                }
                return;
            case "bytes":
                if (!v.isTextual() || !isBase64(v.asText())) {
                    errors.add(new ValidationError(path, "type", "expected bytes as a base64 string, got "
                            + AvroPayloadValidator.describe(v)));
                }
                return;
            case "float":
            case "double":
                if (!v.isNumber() && !(v.isTextual() && isFloatText(v.asText()))) {
                    errors.add(AvroPayloadValidator.type(path, kind, v));
                }
                return;
            default:
                BigInteger n = null;
                if (v.isNumber()) {
                    BigDecimal d = v.decimalValue().stripTrailingZeros();
                    n = d.scale() <= 0 ? d.toBigIntegerExact() : null;
                } else if (v.isTextual()) {
                    n = integer(v.asText());
                }
                if (n == null) {
                    errors.add(AvroPayloadValidator.type(path, kind + " (integer)", v));
                } else if (!inRange(kind, n)) {
                    errors.add(new ValidationError(path, "maximum", n + " is out of range for " + kind));
                }
        }
    }

    /** @return true when {@code name} was a well-known type and has been checked */
    private boolean wellKnownType(String name, JsonNode v, String path, List<ValidationError> errors) {
        switch (name) {
            case "google.protobuf.Timestamp":
                if (!v.isTextual() || !TIMESTAMP.matcher(v.asText()).matches()) {
                    errors.add(new ValidationError(path, "format", "expected an RFC 3339 timestamp string, got "
                            + (v.isTextual() ? "\"" + v.asText() + "\"" : AvroPayloadValidator.describe(v))));
                }
                return true;
            case "google.protobuf.Duration":
                if (!v.isTextual() || !DURATION.matcher(v.asText()).matches()) {
                    errors.add(new ValidationError(path, "format", "expected a duration string such as \"1.5s\""));
                }
                return true;
            case "google.protobuf.FieldMask":
                if (!v.isTextual()) {
                    errors.add(AvroPayloadValidator.type(path, "field mask string", v));
                }
                return true;
            case "google.protobuf.Value":
                return true;
            case "google.protobuf.Struct":
                if (!v.isObject()) {
                    errors.add(AvroPayloadValidator.type(path, "Struct (JSON object)", v));
                }
                return true;
            case "google.protobuf.ListValue":
                if (!v.isArray()) {
                    errors.add(AvroPayloadValidator.type(path, "ListValue (JSON array)", v));
                }
                return true;
            case "google.protobuf.Any":
                if (!v.isObject() || !v.path("@type").isTextual()) {
                    errors.add(new ValidationError(path, "required", "Any needs an \"@type\" member"));
                }
                return true;
            case "google.protobuf.DoubleValue":
                scalar("double", v, path, errors);
                return true;
            case "google.protobuf.FloatValue":
                scalar("float", v, path, errors);
                return true;
            case "google.protobuf.Int64Value":
                scalar("int64", v, path, errors);
                return true;
            case "google.protobuf.UInt64Value":
                scalar("uint64", v, path, errors);
                return true;
            case "google.protobuf.Int32Value":
                scalar("int32", v, path, errors);
                return true;
            case "google.protobuf.UInt32Value":
                scalar("uint32", v, path, errors);
                return true;
            case "google.protobuf.BoolValue":
                scalar("bool", v, path, errors);
                return true;
            case "google.protobuf.StringValue":
                scalar("string", v, path, errors);
                return true;
            case "google.protobuf.BytesValue":
                scalar("bytes", v, path, errors);
                return true;
            default:
                return false;
        }
    }

    private static boolean inRange(String kind, BigInteger n) {
        switch (kind) {
            case "int32":
            case "sint32":
            case "sfixed32":
                return n.bitLength() <= 31;
            case "uint32":
            case "fixed32":
                return n.signum() >= 0 && n.bitLength() <= 32;
            case "int64":
            case "sint64":
            case "sfixed64":
                return n.bitLength() <= 63;
            case "uint64":
            case "fixed64":
                return n.signum() >= 0 && n.compareTo(UINT64_MAX) <= 0;
            default:
                return false;
        }
    }

    private static BigInteger integer(String text) {
        try {
            return new BigInteger(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isFloatText(String s) {
        if (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity")) {
            return true;
        }
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isBase64(String s) {
        try {
            if (s.indexOf('-') >= 0 || s.indexOf('_') >= 0) {
                Base64.getUrlDecoder().decode(s);
            } else {
                Base64.getDecoder().decode(s);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
