package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.EnumConstant;
import com.squareup.wire.schema.EnumType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ENUM_CONST_ADDED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ENUM_CONST_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.ENUM_CONST_REMOVED;

/** Enum constants matched by number; every change here is compatible in Confluent, yet still reported. */
final class EnumDiff {
    private EnumDiff() {
    }

    static void compare(DiffContext ctx, EnumType writer, EnumType reader) {
        Map<Integer, EnumConstant> w = byNumber(writer.getConstants());
        Map<Integer, EnumConstant> r = byNumber(reader.getConstants());
        TreeSet<Integer> numbers = new TreeSet<>(w.keySet());
        numbers.addAll(r.keySet());
        for (int number : numbers) {
            EnumConstant wc = w.get(number);
            EnumConstant rc = r.get(number);
            ctx.at(Integer.toString(number), () -> {
                if (rc == null) {
                    ctx.add(ENUM_CONST_REMOVED, wc.getName() + " = " + number);
                } else if (wc == null) {
                    ctx.add(ENUM_CONST_ADDED, rc.getName() + " = " + number);
                } else if (!wc.getName().equals(rc.getName())) {
                    ctx.add(ENUM_CONST_CHANGED, wc.getName() + " -> " + rc.getName());
                }
            });
        }
    }

    /** With {@code allow_alias} several names share a number; the first one stands for it. */
    private static Map<Integer, EnumConstant> byNumber(List<EnumConstant> constants) {
        Map<Integer, EnumConstant> out = new HashMap<>();
        for (EnumConstant c : constants) {
            out.putIfAbsent(c.getTag(), c);
        }
        return out;
    }
}
