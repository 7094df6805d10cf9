package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.schema.json.SchemaShape.NumberShape;

import java.math.BigDecimal;

/**
 * Numbers: integer vs number, bounds and multipleOf. Bounds are compared as effective intervals rather than
 * keyword by keyword, so draft 4's {@code "minimum":10,"exclusiveMinimum":true} equals draft 6's
 * {@code "exclusiveMinimum":10}, and moving from {@code exclusiveMinimum 10} to {@code minimum 5} is seen to
 * widen the range (a keyword-by-keyword diff would call it "minimum added").
 */
final class NumberDiff {
    private NumberDiff() {
    }

    /** One end of a range; {@code keyword} is where the schema spelled it, for the difference path. */
    record Bound(BigDecimal value, boolean exclusive, String keyword) {
    }

    static void compare(DiffContext ctx, NumberShape writer, NumberShape reader) {
        JsonNode w = writer.node().json();
        JsonNode r = reader.node().json();
        compareUpper(ctx, upper(w), upper(r));
        compareLower(ctx, lower(w), lower(r));
        compareMultipleOf(ctx, writer, multipleOf(writer), multipleOf(reader));
        if (writer.integer() && !reader.integer()) {
            ctx.add(DifferenceType.TYPE_EXTENDED);
        } else if (!writer.integer() && reader.integer()) {
            ctx.add(DifferenceType.TYPE_NARROWED);
        }
    }

    static Bound lower(JsonNode schema) {
        return bound(schema, "minimum", "exclusiveMinimum", 1);
    }

    static Bound upper(JsonNode schema) {
        return bound(schema, "maximum", "exclusiveMaximum", -1);
    }

    /**
     * @param tighter 1 when a larger value is the tighter bound (minimums), -1 for maximums
     */
    private static Bound bound(JsonNode schema, String inclusiveKeyword, String exclusiveKeyword, int tighter) {
        BigDecimal inclusive = JsonValues.decimal(schema, inclusiveKeyword);
        Bound bound = inclusive == null ? null : new Bound(inclusive, false, inclusiveKeyword);
        JsonNode exclusive = schema.get(exclusiveKeyword);
        if (exclusive != null && exclusive.isBoolean()) {
            // Draft 4: a boolean that makes minimum/maximum exclusive.
            if (exclusive.booleanValue() && bound != null) {
                bound = new Bound(inclusive, true, exclusiveKeyword);
            }
        } else if (exclusive != null && exclusive.isNumber()) {
            Bound strict = new Bound(exclusive.decimalValue(), true, exclusiveKeyword);
            if (bound == null) {
                bound = strict;
            } else {
                int c = strict.value().compareTo(bound.value()) * tighter;
                bound = c >= 0 ? strict : bound;
            }
        }
        return bound;
    }

    private static void compareLower(DiffContext ctx, Bound w, Bound r) {
        if (w == null && r == null) {
            return;
        }
        if (r == null) {
            ctx.add(w.keyword(), w.exclusive()
                    ? DifferenceType.EXCLUSIVE_MINIMUM_REMOVED : DifferenceType.MINIMUM_REMOVED);
        } else if (w == null) {
            ctx.add(r.keyword(), r.exclusive()
                    ? DifferenceType.EXCLUSIVE_MINIMUM_ADDED : DifferenceType.MINIMUM_ADDED);
        } else {
            int c = r.value().compareTo(w.value());
            if (c < 0) {
                ctx.add(r.keyword(), r.exclusive()
                        ? DifferenceType.EXCLUSIVE_MINIMUM_DECREASED : DifferenceType.MINIMUM_DECREASED);
            } else if (c > 0) {
                ctx.add(r.keyword(), r.exclusive()
                        ? DifferenceType.EXCLUSIVE_MINIMUM_INCREASED : DifferenceType.MINIMUM_INCREASED);
            } else if (r.exclusive() && !w.exclusive()) {
                ctx.add(r.keyword(), DifferenceType.EXCLUSIVE_MINIMUM_ADDED);
            } else if (!r.exclusive() && w.exclusive()) {
                ctx.add(w.keyword(), DifferenceType.EXCLUSIVE_MINIMUM_REMOVED);
            }
        }
    }

    private static void compareUpper(DiffContext ctx, Bound w, Bound r) {
        if (w == null && r == null) {
            return;
        }
        if (r == null) {
            ctx.add(w.keyword(), w.exclusive()
                    ? DifferenceType.EXCLUSIVE_MAXIMUM_REMOVED : DifferenceType.MAXIMUM_REMOVED);
        } else if (w == null) {
            ctx.add(r.keyword(), r.exclusive()
                    ? DifferenceType.EXCLUSIVE_MAXIMUM_ADDED : DifferenceType.MAXIMUM_ADDED);
        } else {
            int c = r.value().compareTo(w.value());
            if (c > 0) {
                ctx.add(r.keyword(), r.exclusive()
                        ? DifferenceType.EXCLUSIVE_MAXIMUM_INCREASED : DifferenceType.MAXIMUM_INCREASED);
            } else if (c < 0) {
                ctx.add(r.keyword(), r.exclusive()
                        ? DifferenceType.EXCLUSIVE_MAXIMUM_DECREASED : DifferenceType.MAXIMUM_DECREASED);
            } else if (r.exclusive() && !w.exclusive()) {
                ctx.add(r.keyword(), DifferenceType.EXCLUSIVE_MAXIMUM_ADDED);
            } else if (!r.exclusive() && w.exclusive()) {
                ctx.add(w.keyword(), DifferenceType.EXCLUSIVE_MAXIMUM_REMOVED);
            }
        }
    }

    private static BigDecimal multipleOf(NumberShape shape) {
        BigDecimal m = JsonValues.decimal(shape.node().json(), "multipleOf");
        return m == null || m.signum() <= 0 ? null : m;
    }

    private static void compareMultipleOf(DiffContext ctx, NumberShape writer, BigDecimal w, BigDecimal r) {
        if (r == null) {
            if (w != null) {
                ctx.add("multipleOf", DifferenceType.MULTIPLE_OF_REMOVED);
            }
            return;
        }
        // An integer writer only writes multiples of 1: a reader asking for multiples of 0.5 still reads them.
        BigDecimal effectiveWriter = w != null ? w : writer.integer() ? BigDecimal.ONE : null;
        if (effectiveWriter == null) {
            ctx.add("multipleOf", DifferenceType.MULTIPLE_OF_ADDED);
        } else if (effectiveWriter.compareTo(r) == 0) {
            return;
        } else if (effectiveWriter.remainder(r).signum() == 0) {
            ctx.add("multipleOf", DifferenceType.MULTIPLE_OF_REDUCED);
        } else if (w == null) {
            ctx.add("multipleOf", DifferenceType.MULTIPLE_OF_ADDED);
        } else if (r.remainder(w).signum() == 0) {
            ctx.add("multipleOf", DifferenceType.MULTIPLE_OF_EXPANDED);
        } else {
            ctx.add("multipleOf", DifferenceType.MULTIPLE_OF_CHANGED);
        }
    }
}
