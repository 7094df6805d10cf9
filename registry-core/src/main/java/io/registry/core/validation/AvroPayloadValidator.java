package io.registry.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks a datum in Avro's JSON encoding against an Avro schema: a union value is either wrapped as
 * {@code {"<branch name>": value}} (the spec's encoding) or given bare when a branch accepts it; a record field
 * may be left out only when it has a default; bytes and fixed are strings of code points 0–255; logical types
 * are checked on top of their underlying type (uuid text, date/time ranges, decimal precision for bytes/fixed).
 */
final class AvroPayloadValidator implements PayloadValidator {
    private final Schema schema;

    AvroPayloadValidator(Schema schema) {
        this.schema = schema;
    }

    @Override
    public ValidationResult validate(JsonNode payload) {
        List<ValidationError> errors = new ArrayList<>();
        check(schema, payload, "", errors);
        return ValidationResult.of(errors);
    }

    private static void check(Schema s, JsonNode v, String path, List<ValidationError> errors) {
        switch (s.getType()) {
            case NULL:
                if (!v.isNull()) {
                    errors.add(type(path, "null", v));
                }
                return;
            case BOOLEAN:
                if (!v.isBoolean()) {
                    errors.add(type(path, "boolean", v));
                }
                return;
            case INT:
                if (!isIntegral(v) || !v.canConvertToInt()) {
                    errors.add(type(path, "int (32-bit integer)", v));
                    return;
                }
                logical(s, v, path, errors);
                return;
            case LONG:
                if (!isIntegral(v) || !v.canConvertToLong()) {
                    errors.add(type(path, "long (64-bit integer)", v));
                    return;
                }
                logical(s, v, path, errors);
                return;
            case FLOAT:
            case DOUBLE:
                if (!v.isNumber() && !(v.isTextual() && isSpecialFloat(v.asText()))) {
                    errors.add(type(path, s.getType().getName(), v));
                }
                return;
            case STRING:
                if (!v.isTextual()) {
                    errors.add(type(path, "string", v));
                    return;
                }
                logical(s, v, path, errors);
                return;
            case BYTES:
                if (!v.isTextual() || !isLatin1(v.asText())) {
                    errors.add(new ValidationError(path, "type",
                            "expected bytes (a string of code points 0-255), got " + describe(v)));
                    return;
                }
                logical(s, v, path, errors);
                return;
            case FIXED:
                if (!v.isTextual() || !isLatin1(v.asText())) {
                    errors.add(new ValidationError(path, "type", "expected fixed " + s.getFullName()
                            + " (a string of code points 0-255), got " + describe(v)));
                    return;
                }
                if (v.asText().length() != s.getFixedSize()) {
                    errors.add(new ValidationError(path, "size", "expected exactly " + s.getFixedSize()
                            + " bytes for fixed " + s.getFullName() + ", got " + v.asText().length()));
                    return;
                }
                logical(s, v, path, errors);
                return;
            case ENUM:
                if (!v.isTextual()) {
                    errors.add(type(path, "enum " + s.getFullName() + " symbol", v));
                } else if (!s.getEnumSymbols().contains(v.asText())) {
                    errors.add(new ValidationError(path, "enum", "\"" + v.asText() + "\" is not a symbol of enum "
                            + s.getFullName() + " " + s.getEnumSymbols()));
                }
                return;
            case ARRAY:
                if (!v.isArray()) {
                    errors.add(type(path, "array", v));
                    return;
                }
                for (int i = 0; i < v.size(); i++) {
                    check(s.getElementType(), v.get(i), PayloadValidators.child(path, i), errors);
                }
                return;
            case MAP:
                if (!v.isObject()) {
                    errors.add(type(path, "map (JSON object)", v));
                    return;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    check(s.getValueType(), e.getValue(), PayloadValidators.child(path, e.getKey()), errors);
                }
                return;
            case RECORD:
                record(s, v, path, errors);
                return;
            case UNION:
                union(s, v, path, errors);
                return;
            default:
                errors.add(new ValidationError(path, "type", "unsupported Avro type " + s.getType()));
        }
    }

    private static void record(Schema s, JsonNode v, String path, List<ValidationError> errors) {
        if (!v.isObject()) {
            errors.add(type(path, "record " + s.getFullName() + " (JSON object)", v));
            return;
        }
        for (Schema.Field f : s.getFields()) {
            JsonNode value = v.get(f.name());
            String fieldPath = PayloadValidators.child(path, f.name());
            if (value == null) {
                if (!f.hasDefaultValue()) {
                    errors.add(new ValidationError(fieldPath, "required", "field \"" + f.name() + "\" of record "
                            + s.getFullName() + " is missing and has no default"));
                }
                continue;
            }
            check(f.schema(), value, fieldPath, errors);
        }
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (s.getField(name) == null) {
                errors.add(new ValidationError(PayloadValidators.child(path, name), "additionalProperties",
                        "record " + s.getFullName() + " has no field \"" + name + "\""));
            }
        }
    }

    private static void union(Schema s, JsonNode v, String path, List<ValidationError> errors) {
        List<Schema> branches = s.getTypes();
        if (v.isNull()) {
            if (branches.stream().noneMatch(b -> b.getType() == Schema.Type.NULL)) {
                errors.add(new ValidationError(path, "union", "null is not a branch of union " + names(branches)));
            }
            return;
        }
        // The spec's encoding: {"<type name>": value}.
        if (v.isObject() && v.size() == 1) {
            String key = v.fieldNames().next();
            for (Schema b : branches) {
                if (b.getFullName().equals(key) || b.getType().getName().equals(key) && !named(b)) {
                    check(b, v.get(key), PayloadValidators.child(path, key), errors);
                    return;
                }
            }
        }
        // A bare value: valid when some branch accepts it.
        List<ValidationError> closest = null;
        for (Schema b : branches) {
            if (b.getType() == Schema.Type.NULL) {
                continue;
            }
            List<ValidationError> attempt = new ArrayList<>();
            check(b, v, path, attempt);
            if (attempt.isEmpty()) {
                return;
            }
            if (closest == null || attempt.size() < closest.size()) {
                closest = attempt;
            }
        }
        errors.add(new ValidationError(path, "union", "value matches no branch of union " + names(branches)
                + (closest == null ? "" : "; closest branch: " + closest.get(0).message())));
    }

    private static void logical(Schema s, JsonNode v, String path, List<ValidationError> errors) {
        LogicalType logical = s.getLogicalType();
        if (logical == null) {
            return;
        }
        String name = logical.getName();
        switch (name) {
            case "uuid":
                try {
                    UUID.fromString(v.asText());
                    if (v.asText().length() != 36) {
                        throw new IllegalArgumentException();
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(new ValidationError(path, "logicalType", "\"" + v.asText() + "\" is not a uuid"));
                }
                return;
            case "date":
                return;
            case "time-millis":
                if (v.asLong() < 0 || v.asLong() >= 86_400_000L) {
                    errors.add(new ValidationError(path, "logicalType",
                            "time-millis must be within [0, 86400000), got " + v.asLong()));
                }
                return;
            case "time-micros":
                if (v.asLong() < 0 || v.asLong() >= 86_400_000_000L) {
                    errors.add(new ValidationError(path, "logicalType",
                            "time-micros must be within [0, 86400000000), got " + v.asLong()));
                }
                return;
            case "decimal":
                Object precision = s.getObjectProp("precision");
                if (precision instanceof Number p) {
                    byte[] bytes = v.asText().getBytes(StandardCharsets.ISO_8859_1);
                    if (bytes.length > 0) {
                        BigInteger unscaled = new BigInteger(bytes);
                        if (unscaled.abs().toString().length() > p.intValue()) {
                            errors.add(new ValidationError(path, "logicalType", "decimal has more than "
                                    + p.intValue() + " digits of precision"));
                        }
                    }
                }
                return;
            default:
                // timestamp-*, local-timestamp-*: any long is a valid instant.
        }
    }

    private static boolean named(Schema s) {
        return s.getType() == Schema.Type.RECORD || s.getType() == Schema.Type.ENUM
                || s.getType() == Schema.Type.FIXED;
    }

    private static String names(List<Schema> branches) {
        List<String> names = new ArrayList<>();
        for (Schema b : branches) {
            names.add(named(b) ? b.getFullName() : b.getType().getName());
        }
        return names.toString();
    }

    private static boolean isIntegral(JsonNode v) {
        return v.isIntegralNumber() || v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0;
    }

    private static boolean isSpecialFloat(String s) {
        return s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity");
    }

    private static boolean isLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    static ValidationError type(String path, String expected, JsonNode v) {
        return new ValidationError(path, "type", "expected " + expected + ", got " + describe(v));
    }

    static String describe(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isIntegralNumber()) {
            return "integer " + v.asText();
        }
        if (v.isNumber()) {
            return "number " + v.asText();
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isArray()) {
            return "array";
        }
        return "object";
    }
}
