package io.registry.core.schema.json;

import io.registry.core.schema.json.SchemaShape.AnyShape;
import io.registry.core.schema.json.SchemaShape.ArrayShape;
import io.registry.core.schema.json.SchemaShape.CombinedShape;
import io.registry.core.schema.json.SchemaShape.ConditionalShape;
import io.registry.core.schema.json.SchemaShape.Criterion;
import io.registry.core.schema.json.SchemaShape.EnumShape;
import io.registry.core.schema.json.SchemaShape.NotShape;
import io.registry.core.schema.json.SchemaShape.NothingShape;
import io.registry.core.schema.json.SchemaShape.NumberShape;
import io.registry.core.schema.json.SchemaShape.ObjectShape;
import io.registry.core.schema.json.SchemaShape.StringShape;
import io.registry.core.schema.json.SchemaShape.UnresolvedRefShape;

/**
 * Compares a writer schema with a reader schema, recording each difference in the context. The rules are
 * Confluent Schema Registry's (its {@code SchemaDiff}): a union in the reader may absorb a plain writer schema
 * (sum type extended), an intersection in the writer may be reduced to one of its parts (product type
 * narrowed), and otherwise shapes of different kinds are a type change unless the writer accepts nothing or
 * the reader accepts everything.
 */
final class ShapeDiff {
    private ShapeDiff() {
    }

    /** Compares two optional subschemas; an absent one constrains nothing. */
    static void compare(DiffContext ctx, SchemaNode writer, SchemaNode reader) {
        if (writer == null && reader == null) {
            return;
        }
        if (writer == null) {
            if (!SchemaShapes.acceptsEverything(reader)) {
                ctx.add(DifferenceType.SCHEMA_ADDED);
            }
            return;
        }
        if (reader == null) {
            ctx.add(DifferenceType.SCHEMA_REMOVED);
            return;
        }
        compare(ctx, SchemaShapes.of(writer), SchemaShapes.of(reader));
    }

    static void compare(DiffContext ctx, SchemaShape writer, SchemaShape reader) {
        SchemaShape w = SchemaShapes.resolved(writer);
        SchemaShape r = SchemaShapes.resolved(reader);
        DiffContext.PairKey key = new DiffContext.PairKey(w.node().json(), kind(w), r.node().json(), kind(r));
        ctx.compareOnce(key, c -> compareResolved(c, w, r));
    }

    private static void compareResolved(DiffContext ctx, SchemaShape w, SchemaShape r) {
        if (!(w instanceof CombinedShape) && r instanceof CombinedShape union) {
            if (absorbedByReaderCombination(ctx, w, union)) {
                return;
            }
        } else if (w instanceof CombinedShape intersection && !(r instanceof CombinedShape)) {
            if (reducedFromWriterCombination(ctx, intersection, r)) {
                return;
            }
        }
        if (w.getClass() != r.getClass()) {
            // TrueSchema/EmptySchema in the reader, FalseSchema in the writer: nothing to break.
            if (!(w instanceof NothingShape) && !(r instanceof AnyShape)) {
                ctx.add(DifferenceType.TYPE_CHANGED);
            }
            return;
        }
        if (w instanceof StringShape ws) {
            ScalarDiff.compareStrings(ctx, ws, (StringShape) r);
        } else if (w instanceof NumberShape wn) {
            NumberDiff.compare(ctx, wn, (NumberShape) r);
        } else if (w instanceof EnumShape we) {
            ScalarDiff.compareEnums(ctx, we, (EnumShape) r);
        } else if (w instanceof CombinedShape wc) {
            CombinedDiff.compare(ctx, wc, (CombinedShape) r);
        } else if (w instanceof NotShape wn) {
            compareNot(ctx, wn, (NotShape) r);
        } else if (w instanceof ObjectShape wo) {
            ObjectDiff.compare(ctx, wo.node(), r.node());
        } else if (w instanceof ArrayShape wa) {
            ArrayDiff.compare(ctx, wa.node(), r.node());
        } else if (w instanceof ConditionalShape) {
            ConditionalDiff.compare(ctx, w.node(), r.node());
        } else if (w instanceof UnresolvedRefShape wu) {
            if (!wu.ref().equals(((UnresolvedRefShape) r).ref())) {
                ctx.add(DifferenceType.TYPE_CHANGED);
            }
        }
    }

    /** Writer {@code X}, reader {@code anyOf/oneOf [..., X', ...]}: fine when some branch reads X. */
    private static boolean absorbedByReaderCombination(DiffContext ctx, SchemaShape w, CombinedShape union) {
        if (union.subschemas().size() == 1) {
            return adoptIfCompatible(ctx, w, union.subschemas().get(0), null);
        }
        if (union.criterion() != Criterion.ALL_OF) {
            for (SchemaShape branch : union.subschemas()) {
                if (adoptIfCompatible(ctx, w, branch, DifferenceType.SUM_TYPE_EXTENDED)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Writer {@code allOf [..., X, ...]}, reader {@code X'}: fine when one conjunct alone is readable. */
    private static boolean reducedFromWriterCombination(DiffContext ctx, CombinedShape intersection,
                                                        SchemaShape r) {
        if (intersection.subschemas().size() == 1) {
            return adoptIfCompatible(ctx, intersection.subschemas().get(0), r, null);
        }
        if (intersection.criterion() == Criterion.ALL_OF) {
            for (SchemaShape conjunct : intersection.subschemas()) {
                if (adoptIfCompatible(ctx, conjunct, r, DifferenceType.PRODUCT_TYPE_NARROWED)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean adoptIfCompatible(DiffContext ctx, SchemaShape w, SchemaShape r, DifferenceType also) {
        DiffContext trial = ctx.sub();
        compare(trial, w, r);
        if (!trial.compatible()) {
            return false;
        }
        ctx.addAll(trial.differences());
        if (also != null) {
            ctx.add(also);
        }
        return true;
    }

    /** not A (writer) vs not B (reader): the reader is looser when B rejects less, i.e. B reads within A. */
    private static void compareNot(DiffContext ctx, NotShape w, NotShape r) {
        try (DiffContext.Scope ignored = ctx.enter("not")) {
            DiffContext trial = ctx.sub();
            compare(trial, r.negated(), w.negated());
            ctx.add(trial.compatible() ? DifferenceType.NOT_TYPE_NARROWED : DifferenceType.NOT_TYPE_EXTENDED);
        }
    }

    private static String kind(SchemaShape shape) {
        if (shape instanceof CombinedShape c) {
            return c.criterion() + (c.synthetic() ? "~" : "");
        } else if (shape instanceof EnumShape e) {
            return e.keyword();
        } else if (shape instanceof NumberShape n) {
            return n.integer() ? "integer" : "number";
        }
        return shape.getClass().getSimpleName();
    }
}
