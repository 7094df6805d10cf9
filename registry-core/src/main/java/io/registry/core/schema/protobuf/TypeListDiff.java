package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.EnumType;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.Type;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ENUM_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ENUM_REMOVED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.MESSAGE_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.MESSAGE_MOVED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.MESSAGE_REMOVED;

/**
 * Compares the types declared at one level (the file, or inside a message), matching them by name: a message
 * renamed, including the first one that clients use by default, shows as removed (incompatible) plus added.
 * Names are visited in sorted order so the report is deterministic.
 */
final class TypeListDiff {
    private TypeListDiff() {
    }

    static void compare(DiffContext ctx, List<Type> writerTypes, List<Type> readerTypes) {
        Map<String, MessageType> writerMessages = messages(ctx.writer, writerTypes);
        Map<String, MessageType> readerMessages = messages(ctx.reader, readerTypes);
        List<String> writerOrder = List.copyOf(writerMessages.keySet());
        List<String> readerOrder = List.copyOf(readerMessages.keySet());
        TreeSet<String> names = new TreeSet<>(writerMessages.keySet());
        names.addAll(readerMessages.keySet());
        for (String name : names) {
            MessageType w = writerMessages.get(name);
            MessageType r = readerMessages.get(name);
            ctx.at(name, () -> {
                if (r == null) {
                    if (!DiffSide.isMapEntry(w)) {
                        ctx.add(MESSAGE_REMOVED, "message " + w.getType() + " is not in the new schema");
                    }
                } else if (w == null) {
                    if (!DiffSide.isMapEntry(r)) {
                        ctx.add(MESSAGE_ADDED, "message " + r.getType());
                    }
                } else {
                    MessageDiff.compare(ctx, w, r);
                    if (writerOrder.indexOf(name) != readerOrder.indexOf(name)) {
                        ctx.add(MESSAGE_MOVED, "index " + writerOrder.indexOf(name) + " -> "
                                + readerOrder.indexOf(name));
                    }
                }
            });
        }
        Map<String, EnumType> writerEnums = enums(writerTypes);
        Map<String, EnumType> readerEnums = enums(readerTypes);
        TreeSet<String> enumNames = new TreeSet<>(writerEnums.keySet());
        enumNames.addAll(readerEnums.keySet());
        for (String name : enumNames) {
            EnumType w = writerEnums.get(name);
            EnumType r = readerEnums.get(name);
            ctx.at(name, () -> {
                if (r == null) {
                    ctx.add(ENUM_REMOVED, "enum " + w.getType());
                } else if (w == null) {
                    ctx.add(ENUM_ADDED, "enum " + r.getType());
                } else {
                    EnumDiff.compare(ctx, w, r);
                }
            });
        }
    }

    /**
     * In declaration order, which is also the order of message indexes. proto2 group messages are left out, as
     * Confluent's diff does not see them (see {@link DiffSide#visible}).
     */
    private static Map<String, MessageType> messages(DiffSide side, List<Type> types) {
        Map<String, MessageType> out = new LinkedHashMap<>();
        for (Type t : types) {
            if (t instanceof MessageType m && side.visible(m)) {
                out.put(m.getName(), m);
            }
        }
        return out;
    }

    private static Map<String, EnumType> enums(List<Type> types) {
        Map<String, EnumType> out = new LinkedHashMap<>();
        for (Type t : types) {
            if (t instanceof EnumType e) {
                out.put(e.getName(), e);
            }
        }
        return out;
    }
}
