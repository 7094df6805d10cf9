package io.registry.core.schema.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the options of a descriptor ({@code FileOptions}, {@code FieldOptions}, …) as {@code .proto} option
 * assignments: {@code java_package = "com.acme"}, {@code (acme.sensitive) = true}, {@code (acme.rule) = { … }}.
 * Options are read by reflection, so every standard option is covered, and custom options too when the options
 * message was parsed with their extensions registered (see {@link CustomOptionExtensions}).
 */
final class ProtoOptionText {
    /**
     * Not options a {@code .proto} file spells: the parser's raw leftovers, editions features (editions are
     * refused before), and {@code map_entry}, which the {@code map<K, V>} syntax implies.
     */
    private static final Set<String> NOT_WRITTEN = Set.of("uninterpreted_option", "features", "map_entry");

    private ProtoOptionText() {
    }

    /** One {@code name = value} per option value (a repeated option gives one per element), in field order. */
    static List<String> assignments(Message options) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<FieldDescriptor, Object> entry : options.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (!field.isExtension() && NOT_WRITTEN.contains(field.getName())) {
                continue;
            }
            String name = field.isExtension() ? "(" + field.getFullName() + ")" : field.getName();
            for (Object value : values(field, entry.getValue())) {
                out.add(name + " = " + value(field, value));
            }
        }
        return out;
    }

    /** A string literal protoc and wire both read back as {@code text}. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static List<?> values(FieldDescriptor field, Object value) {
        return field.isRepeated() ? (List<?>) value : List.of(value);
    }

    private static String value(FieldDescriptor field, Object value) {
        switch (field.getJavaType()) {
            case STRING:
                return quote((String) value);
            case BYTE_STRING:
                return "\"" + TextFormat.escapeBytes((ByteString) value) + "\"";
            case ENUM:
                return ((EnumValueDescriptor) value).getName();
            case MESSAGE:
                return aggregate((Message) value);
            case FLOAT:
                return floating((Float) value, Float.toString((Float) value));
            case DOUBLE:
                return floating((Double) value, Double.toString((Double) value));
            case INT:
                return unsigned(field) ? Integer.toUnsignedString((Integer) value) : value.toString();
            case LONG:
                return unsigned(field) ? Long.toUnsignedString((Long) value) : value.toString();
            default:
                return value.toString();
        }
    }

    /** A message-typed option in the text-format "aggregate" syntax: {@code { a: 1, b: [2, 3], [ext]: "x" }}. */
    private static String aggregate(Message message) {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            String name = field.isExtension() ? "[" + field.getFullName() + "]" : field.getName();
            if (field.isRepeated()) {
                List<String> items = new ArrayList<>();
                values(field, entry.getValue()).forEach(item -> items.add(value(field, item)));
                entries.add(name + ": [" + String.join(", ", items) + "]");
            } else {
                entries.add(name + ": " + value(field, entry.getValue()));
            }
        }
        return entries.isEmpty() ? "{}" : "{ " + String.join(", ", entries) + " }";
    }

    private static boolean unsigned(FieldDescriptor field) {
        return switch (field.getType()) {
            case UINT32, FIXED32, UINT64, FIXED64 -> true;
            default -> false;
        };
    }

    private static String floating(double value, String shortest) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return shortest;
    }
}
