package io.registry.core.schema.json;

/**
 * What a schema says about the properties (or array items) it does not name — Confluent's "content model":
 * <em>open</em> lets anything through ({@code additionalProperties} absent or true), <em>closed</em> lets
 * nothing through ({@code false}), and <em>partially open</em> lets through what a schema accepts. Whether a
 * property may be added or removed depends on it: a reader may drop a property only if its content model
 * still accepts what writers put there, and may add one only if writers could not have put anything else
 * there.
 */
record ContentModel(Kind kind, SchemaNode schema, String keyword) {

    enum Kind { OPEN, CLOSED, PARTIAL }

    static ContentModel open(String keyword) {
        return new ContentModel(Kind.OPEN, null, keyword);
    }

    /** The content model a keyword's schema value gives ({@code false}, {@code true}/{@code {}}, or a schema). */
    static ContentModel of(SchemaNode schema, String keyword) {
        if (schema.json().isBoolean() && !schema.json().booleanValue()) {
            return new ContentModel(Kind.CLOSED, schema, keyword);
        }
        if (SchemaShapes.acceptsEverything(schema)) {
            return new ContentModel(Kind.OPEN, schema, keyword);
        }
        return new ContentModel(Kind.PARTIAL, schema, keyword);
    }

    boolean permits() {
        return kind != Kind.CLOSED;
    }

    /**
     * Compares the writer's and reader's content models at the current path (with {@code family} naming the
     * differences: additional properties, unevaluated properties or additional items).
     */
    static void compare(DiffContext ctx, ContentModel writer, ContentModel reader, Family family) {
        if (writer.permits() != reader.permits()) {
            ctx.add(reader.permits() ? family.added : family.removed);
        } else if (writer.kind == Kind.OPEN && reader.kind == Kind.PARTIAL) {
            ctx.add(family.narrowed);
        } else if (writer.kind == Kind.PARTIAL && reader.kind == Kind.OPEN) {
            ctx.add(family.extended);
        } else if (writer.kind == Kind.PARTIAL) {
            ShapeDiff.compare(ctx, writer.schema, reader.schema);
        }
    }

    /** The difference types of one keyword family. */
    enum Family {
        ADDITIONAL_PROPERTIES(DifferenceType.ADDITIONAL_PROPERTIES_ADDED, DifferenceType.ADDITIONAL_PROPERTIES_REMOVED,
                DifferenceType.ADDITIONAL_PROPERTIES_EXTENDED, DifferenceType.ADDITIONAL_PROPERTIES_NARROWED),
        UNEVALUATED_PROPERTIES(DifferenceType.UNEVALUATED_PROPERTIES_ADDED,
                DifferenceType.UNEVALUATED_PROPERTIES_REMOVED, DifferenceType.UNEVALUATED_PROPERTIES_EXTENDED,
                DifferenceType.UNEVALUATED_PROPERTIES_NARROWED),
        ADDITIONAL_ITEMS(DifferenceType.ADDITIONAL_ITEMS_ADDED, DifferenceType.ADDITIONAL_ITEMS_REMOVED,
                DifferenceType.ADDITIONAL_ITEMS_EXTENDED, DifferenceType.ADDITIONAL_ITEMS_NARROWED),
        UNEVALUATED_ITEMS(DifferenceType.UNEVALUATED_ITEMS_ADDED, DifferenceType.UNEVALUATED_ITEMS_REMOVED,
                DifferenceType.UNEVALUATED_ITEMS_EXTENDED, DifferenceType.UNEVALUATED_ITEMS_NARROWED),
        /** {@code items} as the schema of every item (no tuple): adding one is Confluent's SCHEMA_ADDED. */
        ALL_ITEMS(DifferenceType.ADDITIONAL_ITEMS_ADDED, DifferenceType.ADDITIONAL_ITEMS_REMOVED,
                DifferenceType.SCHEMA_REMOVED, DifferenceType.SCHEMA_ADDED);

        private final DifferenceType added;
        private final DifferenceType removed;
        private final DifferenceType extended;
        private final DifferenceType narrowed;

        Family(DifferenceType added, DifferenceType removed, DifferenceType extended, DifferenceType narrowed) {
            this.added = added;
            this.removed = removed;
            this.extended = extended;
            this.narrowed = narrowed;
        }
    }
}
