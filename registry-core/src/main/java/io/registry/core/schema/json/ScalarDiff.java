package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.schema.json.SchemaShape.EnumShape;
import io.registry.core.schema.json.SchemaShape.StringShape;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** Strings and enums (const included). Numbers have {@link NumberDiff}. */
final class ScalarDiff {
    private ScalarDiff() {
    }

    static void compareStrings(DiffContext ctx, StringShape writer, StringShape reader) {
        JsonNode w = writer.node().json();
        JsonNode r = reader.node().json();
        Limits.compare(ctx, "maxLength", JsonValues.whole(w, "maxLength"), JsonValues.whole(r, "maxLength"),
                DifferenceType.MAX_LENGTH_ADDED, DifferenceType.MAX_LENGTH_REMOVED,
                DifferenceType.MAX_LENGTH_INCREASED, DifferenceType.MAX_LENGTH_DECREASED);
        Limits.compare(ctx, "minLength", JsonValues.whole(w, "minLength"), JsonValues.whole(r, "minLength"),
                DifferenceType.MIN_LENGTH_ADDED, DifferenceType.MIN_LENGTH_REMOVED,
                DifferenceType.MIN_LENGTH_INCREASED, DifferenceType.MIN_LENGTH_DECREASED);
        // Regular expressions are compared as text: deciding whether one language contains another is out of
        // reach, so any change of pattern is treated as incompatible, as Confluent does.
        String wp = JsonValues.text(w, "pattern");
        String rp = JsonValues.text(r, "pattern");
        if (wp == null && rp != null) {
            ctx.add("pattern", DifferenceType.PATTERN_ADDED);
        } else if (wp != null && rp == null) {
            ctx.add("pattern", DifferenceType.PATTERN_REMOVED);
        } else if (!Objects.equals(wp, rp)) {
            ctx.add("pattern", DifferenceType.PATTERN_CHANGED);
        }
    }

    static void compareEnums(DiffContext ctx, EnumShape writer, EnumShape reader) {
        Set<String> w = keys(writer);
        Set<String> r = keys(reader);
        if (w.equals(r)) {
            return;
        }
        if (r.containsAll(w)) {
            ctx.add(reader.keyword(), DifferenceType.ENUM_ARRAY_EXTENDED);
        } else if (w.containsAll(r)) {
            ctx.add(reader.keyword(), DifferenceType.ENUM_ARRAY_NARROWED);
        } else {
            ctx.add(reader.keyword(), DifferenceType.ENUM_ARRAY_CHANGED);
        }
    }

    private static Set<String> keys(EnumShape shape) {
        Set<String> keys = new LinkedHashSet<>();
        shape.values().forEach(v -> keys.add(JsonValues.key(v)));
        return keys;
    }
}
