package io.registry.core.schema.json;

/**
 * if / then / else. Confluent's diff does not look inside conditionals at all; we do the cheap, safe part:
 * with the same condition, each branch is compared like any schema; a changed condition re-routes documents
 * between branches, which is not analysed and counts as incompatible.
 */
final class ConditionalDiff {
    private ConditionalDiff() {
    }

    static void compare(DiffContext ctx, SchemaNode writer, SchemaNode reader) {
        if (!JsonValues.key(writer.json().path("if")).equals(JsonValues.key(reader.json().path("if")))) {
            ctx.add("if", DifferenceType.CONDITION_CHANGED);
            return;
        }
        for (String branch : new String[]{"then", "else"}) {
            try (DiffContext.Scope ignored = ctx.enter(branch)) {
                ShapeDiff.compare(ctx, writer.keyword(branch), reader.keyword(branch));
            }
        }
    }
}
