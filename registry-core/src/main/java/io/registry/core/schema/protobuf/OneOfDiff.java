package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.OneOf;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ONEOF_FIELD_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ONEOF_FIELD_REMOVED;

/**
 * Compares the members of a oneof present on both sides. A member that left the oneof but still exists
 * elsewhere in the reader's message was relocated, not removed: that only relaxes exclusivity, and its type is
 * checked by {@link MessageDiff}. Only a number gone from the whole message is {@code ONEOF_FIELD_REMOVED}.
 */
final class OneOfDiff {
    private OneOfDiff() {
    }

    static void compare(DiffContext ctx, OneOf writer, OneOf reader, Set<Integer> readerNumbers) {
        Map<Integer, Field> w = byNumber(ctx.writer, writer);
        Map<Integer, Field> r = byNumber(ctx.reader, reader);
        TreeSet<Integer> numbers = new TreeSet<>(w.keySet());
        numbers.addAll(r.keySet());
        for (int number : numbers) {
            Field wf = w.get(number);
            Field rf = r.get(number);
            ctx.at(Integer.toString(number), () -> {
                if (rf == null) {
                    if (!readerNumbers.contains(number)) {
                        ctx.add(ONEOF_FIELD_REMOVED, MessageDiff.describe(wf));
                    }
                } else if (wf == null) {
                    ctx.add(ONEOF_FIELD_ADDED, MessageDiff.describe(rf));
                } else {
                    FieldDiff.compare(ctx, wf, rf);
                }
            });
        }
    }

    private static Map<Integer, Field> byNumber(DiffSide side, OneOf oneOf) {
        Map<Integer, Field> out = new HashMap<>();
        for (Field f : side.visible(oneOf.getFields())) {
            out.put(f.getTag(), f);
        }
        return out;
    }
}
