package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;

import java.util.ArrayList;
import java.util.List;

/**
 * Confluent's wire format names the message of a payload by its path of indexes in the file: the position of
 * the top-level message among the file's messages, then of the nested message among its parent's nested
 * messages, and so on ({@code [0]} is the first message, written as a single 0 byte). Enums do not count.
 * Computed over the canonical file, so a normalized schema answers as Confluent's normalized one does.
 */
final class MessageIndexes {
    private MessageIndexes() {
    }

    static List<Integer> of(ProtoFileElement file, String fullyQualifiedName) {
        String name = localName(file, fullyQualifiedName);
        List<Integer> indexes = new ArrayList<>();
        List<TypeElement> level = file.getTypes();
        for (String part : name.split("\\.", -1)) {
            int index = 0;
            MessageElement found = null;
            for (TypeElement type : level) {
                if (type instanceof MessageElement message) {
                    if (message.getName().equals(part)) {
                        found = message;
                        break;
                    }
                    index++;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("No message " + fullyQualifiedName + " in this schema");
            }
            indexes.add(index);
            level = found.getNestedTypes();
        }
        return List.copyOf(indexes);
    }

    /** An empty list means {@code [0]}, as Confluent's deserializer reads a lone 0. */
    static String nameOf(ProtoFileElement file, List<Integer> indexes) {
        List<Integer> path = indexes.isEmpty() ? List.of(0) : indexes;
        StringBuilder name = new StringBuilder();
        List<TypeElement> level = file.getTypes();
        for (int index : path) {
            MessageElement message = messageAt(level, index);
            if (message == null) {
                throw new IllegalArgumentException("Invalid message indexes " + indexes + " for this schema");
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(message.getName());
            level = message.getNestedTypes();
        }
        String pkg = file.getPackageName();
        return pkg == null || pkg.isEmpty() ? name.toString() : pkg + "." + name;
    }

    private static MessageElement messageAt(List<TypeElement> level, int index) {
        int i = 0;
        for (TypeElement type : level) {
            if (type instanceof MessageElement message) {
                if (i == index) {
                    return message;
                }
                i++;
            }
        }
        return null;
    }

    /** Accepts {@code acme.v1.User.Address}, {@code .acme.v1.User.Address} and {@code User.Address}. */
    private static String localName(ProtoFileElement file, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A message name is required");
        }
        String n = name.startsWith(".") ? name.substring(1) : name;
        String pkg = file.getPackageName();
        if (pkg != null && !pkg.isEmpty() && n.startsWith(pkg + ".")) {
            n = n.substring(pkg.length() + 1);
        }
        return n;
    }
}
