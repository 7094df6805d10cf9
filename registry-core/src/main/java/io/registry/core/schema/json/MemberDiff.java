package io.registry.core.schema.json;

import io.registry.core.schema.json.ContentModel.Kind;

/**
 * A member (property, pattern property or tuple item) that only one side names, judged against the other
 * side's content model. Removed by the reader: the reader's content model must still accept what writers put
 * there. Added by the reader: writers must not have been free to put something else there (a closed model,
 * or a partially open one whose schema the reader's member accepts), and a newly required property needs a
 * default.
 */
final class MemberDiff {
    enum Member { PROPERTY, ITEM }

    private MemberDiff() {
    }

    static void removed(DiffContext ctx, SchemaNode writer, ContentModel readerModel, Member member) {
        boolean property = member == Member.PROPERTY;
        if (readerModel.kind() == Kind.OPEN) {
            ctx.add(property ? DifferenceType.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL
                    : DifferenceType.ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL);
        } else if (readerModel.kind() == Kind.PARTIAL) {
            boolean covered = coveredBy(ctx, writer, readerModel.schema());
            if (property) {
                ctx.add(covered ? DifferenceType.PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        : DifferenceType.PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
            } else {
                ctx.add(covered ? DifferenceType.ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        : DifferenceType.ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
            }
        } else {
            // A member the writer declared false never appears, so a closed reader loses nothing.
            boolean writerForbadeIt = writer.json().isBoolean() && !writer.json().booleanValue();
            if (property) {
                ctx.add(writerForbadeIt ? DifferenceType.PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL
                        : DifferenceType.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL);
            } else {
                ctx.add(writerForbadeIt ? DifferenceType.ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL
                        : DifferenceType.ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL);
            }
        }
    }

    static void added(DiffContext ctx, SchemaNode reader, ContentModel writerModel, boolean required,
                      Member member) {
        boolean property = member == Member.PROPERTY;
        if (writerModel.kind() == Kind.OPEN) {
            if (SchemaShapes.acceptsEverything(reader)) {
                ctx.add(property ? DifferenceType.PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
                        : DifferenceType.ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL);
            } else if (!property) {
                ctx.add(DifferenceType.ITEM_ADDED_TO_OPEN_CONTENT_MODEL);
            } else if (!required) {
                ctx.add(DifferenceType.OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL);
            } else {
                ctx.add(hasDefault(reader) ? DifferenceType.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL
                        : DifferenceType.REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL);
            }
            return;
        }
        if (writerModel.kind() == Kind.PARTIAL) {
            boolean covered = coveredBy(ctx, writerModel.schema(), reader);
            if (property) {
                ctx.add(covered ? DifferenceType.PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        : DifferenceType.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
            } else {
                ctx.add(covered ? DifferenceType.ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        : DifferenceType.ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
                return;
            }
        }
        if (!property) {
            ctx.add(DifferenceType.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL);
        } else if (!required) {
            ctx.add(DifferenceType.OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL);
        } else {
            ctx.add(hasDefault(reader) ? DifferenceType.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL
                    : DifferenceType.REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL);
        }
    }

    /** Compares in a trial context, keeps what it found (as Confluent reports it) and says if it was compatible. */
    private static boolean coveredBy(DiffContext ctx, SchemaNode writer, SchemaNode reader) {
        DiffContext trial = ctx.sub();
        ShapeDiff.compare(trial, writer, reader);
        ctx.addAll(trial.differences());
        return trial.compatible();
    }

    /** A reader's default lets it fill in a required property writers never sent (Confluent's exception). */
    static boolean hasDefault(SchemaNode schema) {
        if (schema == null || !schema.isObject()) {
            return false;
        }
        if (schema.json().has("default")) {
            return true;
        }
        String ref = SchemaShapes.refOf(schema.json());
        SchemaNode target = ref == null ? null : schema.document().resolve(ref);
        return target != null && target.json().has("default");
    }
}
