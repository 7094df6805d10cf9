package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What one schema object asserts, split the way Confluent's everit-based diff sees it: a schema that says
 * {@code "type":"string","enum":[…]} is the conjunction of a string schema and an enum schema, a type array is
 * a union, and so on. Comparing shapes of the same kind is then a matter of comparing their keywords; shapes
 * of different kinds are a type change. Children are kept as {@link SchemaNode}s and turned into shapes only
 * when compared, so recursive schemas ({@code $ref} cycles) cost nothing until a comparison walks them.
 */
sealed interface SchemaShape {
    /** Where the shape came from: its keywords, its {@code default}, and the document its refs resolve in. */
    SchemaNode node();

    /** {@code true}, {@code {}}, or a schema of annotations only: accepts every document. */
    record AnyShape(SchemaNode node) implements SchemaShape {
    }

    /** {@code false}: accepts no document. */
    record NothingShape(SchemaNode node) implements SchemaShape {
    }

    record NullShape(SchemaNode node) implements SchemaShape {
    }

    record BooleanShape(SchemaNode node) implements SchemaShape {
    }

    /** String keywords of {@code node} (minLength, maxLength, pattern). */
    record StringShape(SchemaNode node) implements SchemaShape {
    }

    /** Numeric keywords of {@code node}; {@code integer} when the type is "integer" rather than "number". */
    record NumberShape(SchemaNode node, boolean integer) implements SchemaShape {
    }

    /** Object keywords of {@code node} (properties, required, additionalProperties, ...). */
    record ObjectShape(SchemaNode node) implements SchemaShape {
    }

    /** Array keywords of {@code node} (items, prefixItems, additionalItems, minItems, ...). */
    record ArrayShape(SchemaNode node) implements SchemaShape {
    }

    /** {@code enum}, or {@code const} read as a one-value enum (the two are the same assertion). */
    record EnumShape(SchemaNode node, String keyword, List<JsonNode> values) implements SchemaShape {
    }

    /**
     * allOf / anyOf / oneOf. {@code synthetic} when the combination is implied rather than written: several
     * assertions in one schema object (an implied allOf) or a type array (an implied anyOf). Synthetic
     * combinations add no segment to difference paths, since the user never wrote an "allOf".
     */
    record CombinedShape(SchemaNode node, Criterion criterion, List<SchemaShape> subschemas, boolean synthetic)
            implements SchemaShape {
    }

    record NotShape(SchemaNode node, SchemaNode negated) implements SchemaShape {
    }

    /** if / then / else of {@code node}. */
    record ConditionalShape(SchemaNode node) implements SchemaShape {
    }

    /** A {@code $ref} not yet followed. */
    record RefShape(SchemaNode node, String ref) implements SchemaShape {
    }

    /** A {@code $ref} that points at nothing we hold: compared by its text, as an opaque name. */
    record UnresolvedRefShape(SchemaNode node, String ref) implements SchemaShape {
    }

    enum Criterion {
        ALL_OF("allOf"), ANY_OF("anyOf"), ONE_OF("oneOf");

        private final String keyword;

        Criterion(String keyword) {
            this.keyword = keyword;
        }

        String keyword() {
            return keyword;
        }
    }
}
