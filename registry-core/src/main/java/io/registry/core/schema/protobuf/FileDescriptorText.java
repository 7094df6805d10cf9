package io.registry.core.schema.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.DescriptorProto.ExtensionRange;
import com.google.protobuf.DescriptorProtos.DescriptorProto.ReservedRange;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto.EnumReservedRange;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Message;
import io.registry.core.schema.InvalidSchemaException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@code google.protobuf.FileDescriptorProto} as the {@code .proto} text it was compiled from, as far as
 * a descriptor can tell: what a descriptor does not keep (comments, layout, the order of messages relative to
 * enums, how {@code reserved} numbers were grouped) is written in one fixed way.
 *
 * <p>Written the way people write {@code .proto} files, so that the same schema sent as text or as a descriptor
 * has the same canonical text: type references as the shortest name that resolves ({@link ProtoSymbols}),
 * {@code map<K, V>} instead of the synthetic {@code …Entry} messages, proto3 {@code optional} instead of its
 * synthetic oneof, groups as {@code group} fields, and {@code json_name} only where it differs from the name
 * protoc derives (protoc fills it in for every field).
 */
final class FileDescriptorText {
    private static final int MAX_FIELD_NUMBER = 536_870_911;

    private final FileDescriptorProto file;
    private final ProtoSymbols symbols;
    private final boolean proto3;
    private final StringBuilder out = new StringBuilder();

    private FileDescriptorText(FileDescriptorProto file, ProtoSymbols symbols) {
        this.file = file;
        this.symbols = symbols;
        this.proto3 = "proto3".equals(file.getSyntax());
    }

    /** @throws InvalidSchemaException for a descriptor no {@code .proto} text here can express (editions) */
    static String of(FileDescriptorProto file, ProtoSymbols symbols) {
        return new FileDescriptorText(file, symbols).write();
    }

    private String write() {
        switch (file.getSyntax()) {
            // protoc leaves syntax empty for proto2; most proto2 files say so (protoc warns when they do not)
            case "", "proto2" -> line(0, "syntax = \"proto2\";");
            case "proto3" -> line(0, "syntax = \"proto3\";");
            case "editions" -> throw new InvalidSchemaException("Invalid schema: the FileDescriptorProto uses"
                    + " Protobuf editions (" + file.getEdition() + "), which this registry does not support yet");
            default -> throw new InvalidSchemaException("Invalid schema: the FileDescriptorProto has unknown"
                    + " syntax '" + file.getSyntax() + "'");
        }
        String pkg = file.getPackage();
        if (!pkg.isEmpty()) {
            line(0, "package " + pkg + ";");
        }
        imports();
        options(0, file.getOptions());
        for (DescriptorProto message : file.getMessageTypeList()) {
            message(0, pkg, message);
        }
        for (EnumDescriptorProto e : file.getEnumTypeList()) {
            enumeration(0, e);
        }
        extend(0, pkg, file.getExtensionList());
        for (ServiceDescriptorProto service : file.getServiceList()) {
            service(pkg, service);
        }
        return out.toString();
    }

    private void imports() {
        Set<Integer> publicOnes = new HashSet<>(file.getPublicDependencyList());
        Set<Integer> weakOnes = new HashSet<>(file.getWeakDependencyList());
        for (int i = 0; i < file.getDependencyCount(); i++) {
            String modifier = publicOnes.contains(i) ? "public " : weakOnes.contains(i) ? "weak " : "";
            line(0, "import " + modifier + ProtoOptionText.quote(file.getDependency(i)) + ";");
        }
    }

    private void options(int depth, Message options) {
        for (String assignment : ProtoOptionText.assignments(options)) {
            line(depth, "option " + assignment + ";");
        }
    }

    // ---- messages --------------------------------------------------------------------------------------------

    private void message(int depth, String scope, DescriptorProto message) {
        line(depth, "message " + message.getName() + " {");
        messageBody(depth + 1, ProtoSymbols.join(scope, message.getName()), message);
        line(depth, "}");
    }

    private void messageBody(int depth, String name, DescriptorProto message) {
        options(depth, message.getOptions());
        reserved(depth, numbers(message), message.getReservedNameList());
        Set<String> inlined = new HashSet<>();
        Set<Integer> oneofsWritten = new HashSet<>();
        for (FieldDescriptorProto field : message.getFieldList()) {
            if (field.hasOneofIndex() && !field.getProto3Optional()) {
                int index = field.getOneofIndex();
                if (oneofsWritten.add(index)) {
                    oneof(depth, name, message, index, inlined);
                }
            } else {
                field(depth, name, message, field, false, inlined);
            }
        }
        extensionRanges(depth, message.getExtensionRangeList());
        for (DescriptorProto nested : message.getNestedTypeList()) {
            if (!inlined.contains(nested.getName())) {
                message(depth, name, nested);
            }
        }
        for (EnumDescriptorProto e : message.getEnumTypeList()) {
            enumeration(depth, e);
        }
        extend(depth, name, message.getExtensionList());
    }

    private void oneof(int depth, String scope, DescriptorProto message, int index, Set<String> inlined) {
        if (index < 0 || index >= message.getOneofDeclCount()) {
            throw new InvalidSchemaException("Invalid schema: a field of " + message.getName()
                    + " refers to oneof #" + index + ", which it does not declare");
        }
        line(depth, "oneof " + message.getOneofDecl(index).getName() + " {");
        options(depth + 1, message.getOneofDecl(index).getOptions());
        for (FieldDescriptorProto member : message.getFieldList()) {
            if (member.hasOneofIndex() && member.getOneofIndex() == index && !member.getProto3Optional()) {
                field(depth + 1, scope, message, member, true, inlined);
            }
        }
        line(depth, "}");
    }

    /**
     * One field. {@code enclosing} is the message declaring it (null for an {@code extend} block): its map-entry
     * and group messages are written inline here, and their names recorded in {@code inlined}.
     */
    private void field(int depth, String scope, DescriptorProto enclosing, FieldDescriptorProto field,
                       boolean inOneof, Set<String> inlined) {
        DescriptorProto mapEntry = nestedType(enclosing, scope, field, true);
        DescriptorProto group = field.getType() == Type.TYPE_GROUP ? nestedType(enclosing, scope, field, false) : null;
        StringBuilder text = new StringBuilder();
        if (mapEntry != null) {
            inlined.add(mapEntry.getName());
            text.append("map<").append(type(scope, entryField(mapEntry, 1))).append(", ")
                    .append(type(scope, entryField(mapEntry, 2))).append('>');
        } else {
            text.append(label(field, inOneof));
            if (group != null) {
                inlined.add(group.getName());
                text.append("group ").append(group.getName());
            } else {
                text.append(type(scope, field));
            }
        }
        if (group == null) {
            text.append(' ').append(field.getName());
        }
        text.append(" = ").append(field.getNumber());
        List<String> options = fieldOptions(field);
        if (!options.isEmpty()) {
            text.append(" [").append(String.join(", ", options)).append(']');
        }
        if (group == null) {
            line(depth, text.append(';').toString());
        } else {
            line(depth, text.append(" {").toString());
            messageBody(depth + 1, ProtoSymbols.join(scope, group.getName()), group);
            line(depth, "}");
        }
    }

    private String label(FieldDescriptorProto field, boolean inOneof) {
        if (inOneof) {
            return "";
        }
        if (field.getProto3Optional()) {
            return "optional ";
        }
        return switch (field.getLabel()) {
            case LABEL_REPEATED -> "repeated ";
            case LABEL_REQUIRED -> "required ";
            case LABEL_OPTIONAL -> proto3 ? "" : "optional ";
        };
    }

    private String type(String scope, FieldDescriptorProto field) {
        if (field.hasTypeName()) {
            return symbols.reference(field.getTypeName(), scope);
        }
        return field.getType().name().substring("TYPE_".length()).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The nested message a field stands for: its map entry ({@code mapEntry}: a repeated field of a nested
     * message marked {@code map_entry}) or its group's message. Null when there is none.
     */
    private static DescriptorProto nestedType(DescriptorProto enclosing, String scope, FieldDescriptorProto field,
                                              boolean mapEntry) {
        if (enclosing == null || !field.hasTypeName() || (mapEntry && field.getLabel() != Label.LABEL_REPEATED)) {
            return null;
        }
        for (DescriptorProto nested : enclosing.getNestedTypeList()) {
            boolean named = field.getTypeName().equals("." + ProtoSymbols.join(scope, nested.getName()))
                    || field.getTypeName().equals(nested.getName());
            if (named && nested.getOptions().getMapEntry() == mapEntry) {
                return nested;
            }
        }
        return null;
    }

    private static FieldDescriptorProto entryField(DescriptorProto entry, int number) {
        return entry.getFieldList().stream().filter(f -> f.getNumber() == number).findFirst()
                .orElseThrow(() -> new InvalidSchemaException("Invalid schema: map entry " + entry.getName()
                        + " has no field " + number));
    }

    private List<String> fieldOptions(FieldDescriptorProto field) {
        List<String> options = new ArrayList<>();
        if (field.hasDefaultValue() && !proto3) {
            options.add("default = " + defaultValue(field));
        }
        if (field.hasJsonName() && !field.getJsonName().equals(jsonName(field.getName()))) {
            options.add("json_name = " + ProtoOptionText.quote(field.getJsonName()));
        }
        options.addAll(ProtoOptionText.assignments(field.getOptions()));
        return options;
    }

    /** The descriptor keeps defaults as text: strings raw, bytes already C-escaped, the rest as written. */
    private static String defaultValue(FieldDescriptorProto field) {
        return switch (field.getType()) {
            case TYPE_STRING -> ProtoOptionText.quote(field.getDefaultValue());
            case TYPE_BYTES -> "\"" + field.getDefaultValue() + "\"";
            default -> field.getDefaultValue();
        };
    }

    /** protoc's default JSON name: underscores dropped, the letter after one upper-cased. */
    static String jsonName(String fieldName) {
        StringBuilder json = new StringBuilder(fieldName.length());
        boolean upper = false;
        for (char c : fieldName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                json.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return json.toString();
    }

    // ---- ranges ----------------------------------------------------------------------------------------------

    private static List<String> numbers(DescriptorProto message) {
        List<String> ranges = new ArrayList<>();
        for (ReservedRange range : message.getReservedRangeList()) {
            ranges.add(range(range.getStart(), range.getEnd() - 1, MAX_FIELD_NUMBER));
        }
        return ranges;
    }

    /** All reserved numbers in one statement and all names in another, as people usually write them. */
    private void reserved(int depth, List<String> numbers, List<String> names) {
        if (!numbers.isEmpty()) {
            line(depth, "reserved " + String.join(", ", numbers) + ";");
        }
        if (!names.isEmpty()) {
            line(depth, "reserved " + String.join(", ", names.stream().map(ProtoOptionText::quote).toList()) + ";");
        }
    }

    /** Consecutive ranges with the same options share one statement. */
    private void extensionRanges(int depth, List<ExtensionRange> ranges) {
        List<String> numbers = new ArrayList<>();
        String options = null;
        for (ExtensionRange range : ranges) {
            String rangeOptions = String.join(", ", ProtoOptionText.assignments(range.getOptions()));
            if (options != null && !options.equals(rangeOptions)) {
                extensions(depth, numbers, options);
                numbers.clear();
            }
            options = rangeOptions;
            numbers.add(range(range.getStart(), range.getEnd() - 1, MAX_FIELD_NUMBER));
        }
        if (!numbers.isEmpty()) {
            extensions(depth, numbers, options);
        }
    }

    private void extensions(int depth, List<String> numbers, String options) {
        line(depth, "extensions " + String.join(", ", numbers) + (options.isEmpty() ? "" : " [" + options + "]") + ";");
    }

    private static String range(int start, int endInclusive, int max) {
        if (start == endInclusive) {
            return Integer.toString(start);
        }
        return start + " to " + (endInclusive == max ? "max" : Integer.toString(endInclusive));
    }

    // ---- enums, extensions, services -------------------------------------------------------------------------

    private void enumeration(int depth, EnumDescriptorProto e) {
        line(depth, "enum " + e.getName() + " {");
        options(depth + 1, e.getOptions());
        List<String> numbers = new ArrayList<>();
        for (EnumReservedRange range : e.getReservedRangeList()) {
            numbers.add(range(range.getStart(), range.getEnd(), Integer.MAX_VALUE));
        }
        reserved(depth + 1, numbers, e.getReservedNameList());
        for (EnumValueDescriptorProto value : e.getValueList()) {
            List<String> options = ProtoOptionText.assignments(value.getOptions());
            line(depth + 1, value.getName() + " = " + value.getNumber()
                    + (options.isEmpty() ? "" : " [" + String.join(", ", options) + "]") + ";");
        }
        line(depth, "}");
    }

    /** {@code extend} blocks, one per extended message in order of first use, each field where it was. */
    private void extend(int depth, String scope, List<FieldDescriptorProto> extensions) {
        Map<String, List<FieldDescriptorProto>> byExtendee = new LinkedHashMap<>();
        for (FieldDescriptorProto extension : extensions) {
            byExtendee.computeIfAbsent(extension.getExtendee(), k -> new ArrayList<>()).add(extension);
        }
        for (Map.Entry<String, List<FieldDescriptorProto>> block : byExtendee.entrySet()) {
            line(depth, "extend " + symbols.reference(block.getKey(), scope) + " {");
            for (FieldDescriptorProto field : block.getValue()) {
                field(depth + 1, scope, null, field, false, new HashSet<>());
            }
            line(depth, "}");
        }
    }

    private void service(String pkg, ServiceDescriptorProto service) {
        line(0, "service " + service.getName() + " {");
        options(1, service.getOptions());
        for (MethodDescriptorProto method : service.getMethodList()) {
            String signature = "rpc " + method.getName()
                    + " (" + (method.getClientStreaming() ? "stream " : "") + symbols.reference(method.getInputType(), pkg)
                    + ") returns (" + (method.getServerStreaming() ? "stream " : "")
                    + symbols.reference(method.getOutputType(), pkg) + ")";
            List<String> options = ProtoOptionText.assignments(method.getOptions());
            if (options.isEmpty()) {
                line(1, signature + ";");
            } else {
                line(1, signature + " {");
                options.forEach(option -> line(2, "option " + option + ";"));
                line(1, "}");
            }
        }
        line(0, "}");
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }
}
