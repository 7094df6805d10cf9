package io.registry.core.schema.json;

import io.registry.core.schema.json.ObjectKeywords.Keyed;

import java.util.LinkedHashSet;
import java.util.Set;

import static io.registry.core.schema.json.MemberDiff.Member.PROPERTY;

/**
 * Objects, by Confluent's content-model rules (see {@link MemberDiff} for properties named on one side only):
 * properties compare pairwise, required may only shrink unless the newly required property has a default,
 * the leftover content model may only open up. Beyond Confluent, which only looks at {@code required} for
 * properties both sides declare and ignores {@code patternProperties} changes and {@code propertyNames},
 * those are checked too: a reader that requires a name writers may omit, or that constrains names or
 * patterns writers were free to use, cannot read all their documents.
 */
final class ObjectDiff {
    private ObjectDiff() {
    }

    static void compare(DiffContext ctx, SchemaNode writerNode, SchemaNode readerNode) {
        ObjectKeywords w = ObjectKeywords.of(writerNode);
        ObjectKeywords r = ObjectKeywords.of(readerNode);
        compareRequired(ctx, w, r);
        compareProperties(ctx, w, r);
        comparePatternProperties(ctx, w, r);
        compareDependencies(ctx, w, r);
        ContentModel.Family family = "unevaluatedProperties".equals(r.leftover().keyword())
                ? ContentModel.Family.UNEVALUATED_PROPERTIES : ContentModel.Family.ADDITIONAL_PROPERTIES;
        try (DiffContext.Scope ignored = ctx.enter(r.leftover().keyword())) {
            ContentModel.compare(ctx, w.leftover(), r.leftover(), family);
        }
        try (DiffContext.Scope ignored = ctx.enter("propertyNames")) {
            ShapeDiff.compare(ctx, w.propertyNames(), r.propertyNames());
        }
        Limits.compare(ctx, "maxProperties", w.maxProperties(), r.maxProperties(),
                DifferenceType.MAX_PROPERTIES_ADDED, DifferenceType.MAX_PROPERTIES_REMOVED,
                DifferenceType.MAX_PROPERTIES_INCREASED, DifferenceType.MAX_PROPERTIES_DECREASED);
        Limits.compare(ctx, "minProperties", w.minProperties(), r.minProperties(),
                DifferenceType.MIN_PROPERTIES_ADDED, DifferenceType.MIN_PROPERTIES_REMOVED,
                DifferenceType.MIN_PROPERTIES_INCREASED, DifferenceType.MIN_PROPERTIES_DECREASED);
    }

    private static void compareRequired(DiffContext ctx, ObjectKeywords w, ObjectKeywords r) {
        try (DiffContext.Scope ignored = ctx.enter("required")) {
            // Declared on both sides: Confluent's rule. (Declared on one side only: see compareProperties.)
            for (String name : w.properties().keySet()) {
                if (!r.properties().containsKey(name)) {
                    continue;
                }
                boolean writerRequires = w.required().contains(name);
                boolean readerRequires = r.required().contains(name);
                if (writerRequires && !readerRequires) {
                    ctx.add(escape(name), DifferenceType.REQUIRED_ATTRIBUTE_REMOVED);
                } else if (!writerRequires && readerRequires) {
                    ctx.add(escape(name), MemberDiff.hasDefault(r.properties().get(name))
                            ? DifferenceType.REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED
                            : DifferenceType.REQUIRED_ATTRIBUTE_ADDED);
                }
            }
            // Required without a property schema in the reader: it has no default to fall back on.
            for (String name : r.required()) {
                if (!r.properties().containsKey(name) && !w.required().contains(name)) {
                    ctx.add(escape(name), DifferenceType.REQUIRED_ATTRIBUTE_ADDED);
                }
            }
        }
    }

    private static void compareProperties(DiffContext ctx, ObjectKeywords w, ObjectKeywords r) {
        Set<String> names = new LinkedHashSet<>(w.properties().keySet());
        names.addAll(r.properties().keySet());
        try (DiffContext.Scope ignored = ctx.enter("properties")) {
            for (String name : names) {
                try (DiffContext.Scope property = ctx.enter(escape(name))) {
                    SchemaNode writer = w.properties().get(name);
                    SchemaNode reader = r.properties().get(name);
                    if (reader == null) {
                        MemberDiff.removed(ctx, writer, r.coverage(name), PROPERTY);
                    } else if (writer == null) {
                        MemberDiff.added(ctx, reader, w.coverage(name), r.required().contains(name), PROPERTY);
                    } else {
                        ShapeDiff.compare(ctx, writer, reader);
                    }
                }
            }
        }
    }

    /**
     * Pattern properties present on one side only are judged like properties, against the other side's
     * leftover content model (not against its other patterns: overlapping regular expressions are not
     * analysed, which errs towards "incompatible").
     */
    private static void comparePatternProperties(DiffContext ctx, ObjectKeywords w, ObjectKeywords r) {
        Set<String> patterns = new LinkedHashSet<>(w.patternProperties().keySet());
        patterns.addAll(r.patternProperties().keySet());
        try (DiffContext.Scope ignored = ctx.enter("patternProperties")) {
            for (String pattern : patterns) {
                try (DiffContext.Scope entry = ctx.enter(escape(pattern))) {
                    SchemaNode writer = w.patternProperties().get(pattern);
                    SchemaNode reader = r.patternProperties().get(pattern);
                    if (reader == null) {
                        MemberDiff.removed(ctx, writer, r.leftover(), PROPERTY);
                    } else if (writer == null) {
                        MemberDiff.added(ctx, reader, w.leftover(), false, PROPERTY);
                    } else {
                        ShapeDiff.compare(ctx, writer, reader);
                    }
                }
            }
        }
    }

    private static void compareDependencies(DiffContext ctx, ObjectKeywords w, ObjectKeywords r) {
        Set<String> keys = new LinkedHashSet<>(w.dependentRequired().keySet());
        keys.addAll(r.dependentRequired().keySet());
        for (String key : keys) {
            Keyed<Set<String>> writer = w.dependentRequired().get(key);
            Keyed<Set<String>> reader = r.dependentRequired().get(key);
            String path = (reader != null ? reader : writer).keyword() + "/" + escape(key);
            if (reader == null) {
                ctx.add(path, DifferenceType.DEPENDENCY_ARRAY_REMOVED);
            } else if (writer == null) {
                ctx.add(path, DifferenceType.DEPENDENCY_ARRAY_ADDED);
            } else if (!writer.value().equals(reader.value())) {
                if (reader.value().containsAll(writer.value())) {
                    ctx.add(path, DifferenceType.DEPENDENCY_ARRAY_EXTENDED);
                } else if (writer.value().containsAll(reader.value())) {
                    ctx.add(path, DifferenceType.DEPENDENCY_ARRAY_NARROWED);
                } else {
                    ctx.add(path, DifferenceType.DEPENDENCY_ARRAY_CHANGED);
                }
            }
        }
        keys = new LinkedHashSet<>(w.dependentSchemas().keySet());
        keys.addAll(r.dependentSchemas().keySet());
        for (String key : keys) {
            Keyed<SchemaNode> writer = w.dependentSchemas().get(key);
            Keyed<SchemaNode> reader = r.dependentSchemas().get(key);
            String path = (reader != null ? reader : writer).keyword() + "/" + escape(key);
            if (reader == null) {
                ctx.add(path, DifferenceType.DEPENDENCY_SCHEMA_REMOVED);
            } else if (writer == null) {
                ctx.add(path, DifferenceType.DEPENDENCY_SCHEMA_ADDED);
            } else {
                try (DiffContext.Scope ignored = ctx.enter(path)) {
                    ShapeDiff.compare(ctx, writer.value(), reader.value());
                }
            }
        }
    }

    static String escape(String token) {
        return SubschemaWalker.escape(token);
    }
}
