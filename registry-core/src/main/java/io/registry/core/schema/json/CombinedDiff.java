package io.registry.core.schema.json;

import io.registry.core.schema.json.SchemaShape.CombinedShape;
import io.registry.core.schema.json.SchemaShape.Criterion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * allOf / anyOf / oneOf on both sides, as Confluent compares them: the criterion may only loosen (anything to
 * anyOf; a single-branch combination to oneOf or allOf), the branch count may only grow for unions and
 * shrink for intersections, and the branches must pair up one-to-one into compatible (writer, reader) pairs
 * covering the smaller side.
 */
final class CombinedDiff {
    private CombinedDiff() {
    }

    static void compare(DiffContext ctx, CombinedShape writer, CombinedShape reader) {
        if (!compareCriteria(ctx, writer, reader)) {
            return;
        }
        List<SchemaShape> w = distinct(writer);
        List<SchemaShape> r = distinct(reader);
        boolean intersection = reader.criterion() == Criterion.ALL_OF;
        if (w.size() < r.size()) {
            ctx.add(intersection ? DifferenceType.PRODUCT_TYPE_EXTENDED : DifferenceType.SUM_TYPE_EXTENDED);
        } else if (w.size() > r.size()) {
            ctx.add(intersection ? DifferenceType.PRODUCT_TYPE_NARROWED : DifferenceType.SUM_TYPE_NARROWED);
        }

        List<List<Integer>> edges = new ArrayList<>();
        List<List<List<Difference>>> found = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            List<Integer> compatible = new ArrayList<>();
            List<List<Difference>> differences = new ArrayList<>();
            DiffContext.Scope scope = writer.synthetic() ? null : ctx.enter(writer.criterion().keyword() + "/" + i);
            try {
                for (int j = 0; j < r.size(); j++) {
                    DiffContext trial = ctx.sub();
                    ShapeDiff.compare(trial, w.get(i), r.get(j));
                    differences.add(trial.differences());
                    if (trial.compatible()) {
                        compatible.add(j);
                    }
                }
            } finally {
                if (scope != null) {
                    scope.close();
                }
            }
            edges.add(compatible);
            found.add(differences);
        }
        int[] matchOfReader = BipartiteMatching.match(edges, r.size());
        boolean[] writerMatched = new boolean[w.size()];
        int matched = 0;
        for (int j = 0; j < r.size(); j++) {
            if (matchOfReader[j] >= 0) {
                matched++;
                writerMatched[matchOfReader[j]] = true;
                ctx.addAll(found.get(matchOfReader[j]).get(j));
            }
        }
        int missing = Math.min(w.size(), r.size()) - matched;
        if (missing > 0 && explainUnmatched(ctx, w, r, writerMatched, matchOfReader, found) < missing) {
            ctx.add(DifferenceType.COMBINED_TYPE_SUBSCHEMAS_CHANGED);
        }
    }

    /**
     * Confluent only says "subschemas changed". Where an unmatched writer branch has an unmatched reader
     * branch of the same kind (object and object, ...), that pair's own differences say much more precisely
     * what broke (e.g. "#/oneOf/1/properties/a removed"), so they are reported instead.
     *
     * @return how many unmatched writer branches were explained this way
     */
    private static int explainUnmatched(DiffContext ctx, List<SchemaShape> w, List<SchemaShape> r,
                                        boolean[] writerMatched, int[] matchOfReader,
                                        List<List<List<Difference>>> found) {
        boolean[] readerUsed = new boolean[r.size()];
        for (int j = 0; j < r.size(); j++) {
            readerUsed[j] = matchOfReader[j] >= 0;
        }
        int explained = 0;
        for (int i = 0; i < w.size(); i++) {
            if (writerMatched[i]) {
                continue;
            }
            Class<?> kind = SchemaShapes.resolved(w.get(i)).getClass();
            for (int j = 0; j < r.size(); j++) {
                if (!readerUsed[j] && SchemaShapes.resolved(r.get(j)).getClass() == kind) {
                    readerUsed[j] = true;
                    ctx.addAll(found.get(i).get(j));
                    explained++;
                    break;
                }
            }
        }
        return explained;
    }

    /** @return false when the criterion changed in a way that breaks readers (the branches are then moot) */
    private static boolean compareCriteria(DiffContext ctx, CombinedShape writer, CombinedShape reader) {
        Criterion w = writer.criterion();
        Criterion r = reader.criterion();
        if (w == r) {
            return true;
        }
        boolean extended = r == Criterion.ANY_OF
                || (r == Criterion.ONE_OF && writer.subschemas().size() == 1)
                || (r == Criterion.ALL_OF && writer.subschemas().size() == 1 && reader.subschemas().size() == 1);
        ctx.add(extended ? DifferenceType.COMBINED_TYPE_EXTENDED : DifferenceType.COMBINED_TYPE_CHANGED);
        return extended;
    }

    /** Repeated branches count once (as in Confluent, which collects them into a set). */
    private static List<SchemaShape> distinct(CombinedShape combined) {
        if (combined.synthetic()) {
            return combined.subschemas();
        }
        List<SchemaShape> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SchemaShape shape : combined.subschemas()) {
            if (seen.add(JsonValues.key(shape.node().json()))) {
                out.add(shape);
            }
        }
        return out;
    }
}
