package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON value helpers where JSON Schema's notion of equality differs from Jackson's (1, 1.0 and 1e0 are equal). */
final class JsonValues {
    private JsonValues() {
    }

    /** A string equal for exactly the JSON values JSON Schema calls equal (numbers by value, objects unordered). */
    static String key(JsonNode value) {
        StringBuilder out = new StringBuilder();
        appendKey(value, out);
        return out.toString();
    }

    private static void appendKey(JsonNode value, StringBuilder out) {
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue().stripTrailingZeros();
            out.append('n').append(number.signum() == 0 ? "0" : number.toPlainString());
        } else if (value.isArray()) {
            out.append('[');
            for (JsonNode element : value) {
                appendKey(element, out);
                out.append(',');
            }
            out.append(']');
        } else if (value.isObject()) {
            List<String> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                StringBuilder field = new StringBuilder(JsonValues.quoted(e.getKey())).append(':');
                appendKey(e.getValue(), field);
                fields.add(field.toString());
            }
            fields.sort(null);
            out.append('{').append(String.join(",", fields)).append('}');
        } else {
            out.append(value.toString());
        }
    }

    private static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }

    /** The keyword's value as a number, or null when it is absent or not a number. */
    static BigDecimal decimal(JsonNode schema, String keyword) {
        JsonNode value = schema.get(keyword);
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }

    /** The keyword's value as a whole number, or null when it is absent or not a number. */
    static Long whole(JsonNode schema, String keyword) {
        JsonNode value = schema.get(keyword);
        return value != null && value.isNumber() ? value.longValue() : null;
    }

    static String text(JsonNode schema, String keyword) {
        JsonNode value = schema.get(keyword);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
