package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.OneOf;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_MOVED_TO_EXISTING_ONEOF;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_REMOVED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.MULTIPLE_FIELDS_MOVED_TO_ONEOF;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ONEOF_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ONEOF_REMOVED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.REQUIRED_FIELD_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.REQUIRED_FIELD_REMOVED;

/**
 * Compares two versions of one message, fields matched by number (the only thing on the wire), as Confluent's
 * {@code MessageSchemaDiff}: oneof membership changes first, then oneofs by name, then plain fields, then
 * fields whose oneof membership changed (so a type change is caught wherever the field moved), then nested
 * types. proto2 group fields are left out: Confluent's diff does not see them (see {@link DiffSide#visible}).
 */
final class MessageDiff {
    private MessageDiff() {
    }

    static void compare(DiffContext ctx, MessageType writer, MessageType reader) {
        String pair = writer.getType() + "|" + reader.getType();
        if (!ctx.enter(pair)) {
            return;
        }
        try {
            compareFields(ctx, writer, reader);
            TypeListDiff.compare(ctx, writer.getNestedTypes(), reader.getNestedTypes());
        } finally {
            ctx.leave(pair);
        }
    }

    private static void compareFields(DiffContext ctx, MessageType writer, MessageType reader) {
        Map<Integer, Field> writerPlain = byNumber(ctx.writer, writer);
        Map<Integer, Field> readerPlain = byNumber(ctx.reader, reader);
        Map<Integer, String> writerOneOfOf = oneOfMembership(ctx.writer, writer);
        Map<Integer, String> readerOneOfOf = oneOfMembership(ctx.reader, reader);
        Map<Integer, Field> writerAll = allByNumber(ctx.writer, writer);
        Map<Integer, Field> readerAll = allByNumber(ctx.reader, reader);

        // Plain writer fields that moved into a reader oneof are not "removed"; they are judged here.
        for (OneOf oneOf : reader.getOneOfs()) {
            ctx.at(oneOf.getName(), () -> {
                int moved = 0;
                int alreadyInAOneOf = 0;
                for (Field f : ctx.reader.visible(oneOf.getFields())) {
                    if (writerPlain.remove(f.getTag()) != null) {
                        moved++;
                    } else if (writerOneOfOf.containsKey(f.getTag())) {
                        alreadyInAOneOf++;
                    }
                }
                if (moved > 1) {
                    ctx.add(MULTIPLE_FIELDS_MOVED_TO_ONEOF, moved + " fields moved into oneof " + oneOf.getName());
                } else if (moved == 1 && alreadyInAOneOf > 0) {
                    ctx.add(FIELD_MOVED_TO_EXISTING_ONEOF, "a field moved into oneof " + oneOf.getName());
                }
            });
        }

        Map<String, OneOf> writerOneOfs = oneOfsByName(writer);
        Map<String, OneOf> readerOneOfs = oneOfsByName(reader);
        TreeSet<String> oneOfNames = new TreeSet<>(writerOneOfs.keySet());
        oneOfNames.addAll(readerOneOfs.keySet());
        for (String name : oneOfNames) {
            OneOf w = writerOneOfs.get(name);
            OneOf r = readerOneOfs.get(name);
            ctx.at(name, () -> {
                if (r == null) {
                    ctx.add(ONEOF_REMOVED, "oneof " + name);
                } else if (w == null) {
                    ctx.add(ONEOF_ADDED, "oneof " + name);
                } else {
                    OneOfDiff.compare(ctx, w, r, readerAll.keySet());
                }
            });
        }

        TreeSet<Integer> numbers = new TreeSet<>(writerPlain.keySet());
        numbers.addAll(readerPlain.keySet());
        for (int number : numbers) {
            Field w = writerPlain.get(number);
            Field r = readerPlain.get(number);
            ctx.at(Integer.toString(number), () -> {
                if (r == null) {
                    ctx.add(w.isRequired() ? REQUIRED_FIELD_REMOVED : FIELD_REMOVED, describe(w));
                } else if (w == null) {
                    ctx.add(r.isRequired() ? REQUIRED_FIELD_ADDED : FIELD_ADDED, describe(r));
                } else {
                    FieldDiff.compare(ctx, w, r);
                }
            });
        }

        // Fields present on both sides whose oneof membership changed were compared by neither loop above.
        TreeSet<Integer> common = new TreeSet<>(writerAll.keySet());
        common.retainAll(readerAll.keySet());
        for (int number : common) {
            if (!Objects.equals(writerOneOfOf.get(number), readerOneOfOf.get(number))) {
                ctx.at(Integer.toString(number), () -> FieldDiff.compare(ctx, writerAll.get(number),
                        readerAll.get(number)));
            }
        }
    }

    static String describe(Field f) {
        return f.getName() + " = " + f.getTag();
    }

    /** Fields outside oneofs; a mutable copy, since oneof moves take fields out of it. */
    private static Map<Integer, Field> byNumber(DiffSide side, MessageType message) {
        Map<Integer, Field> out = new HashMap<>();
        for (Field f : side.visible(message.getDeclaredFields())) {
            out.put(f.getTag(), f);
        }
        return out;
    }

    private static Map<Integer, Field> allByNumber(DiffSide side, MessageType message) {
        Map<Integer, Field> out = new HashMap<>();
        for (Field f : side.visible(message.getFieldsAndOneOfFields())) {
            if (!f.isExtension()) {
                out.put(f.getTag(), f);
            }
        }
        return out;
    }

    private static Map<Integer, String> oneOfMembership(DiffSide side, MessageType message) {
        Map<Integer, String> out = new HashMap<>();
        for (OneOf oneOf : message.getOneOfs()) {
            for (Field f : side.visible(oneOf.getFields())) {
                out.put(f.getTag(), oneOf.getName());
            }
        }
        return out;
    }

    private static Map<String, OneOf> oneOfsByName(MessageType message) {
        Map<String, OneOf> out = new LinkedHashMap<>();
        for (OneOf oneOf : message.getOneOfs()) {
            out.put(oneOf.getName(), oneOf);
        }
        return out;
    }
}
