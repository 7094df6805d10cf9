package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static io.registry.core.schema.json.MemberDiff.Member.ITEM;

/**
 * Arrays: tuple positions compare pairwise, extra positions follow the content-model rules of the other
 * side's "rest" schema (additionalItems, or items after prefixItems in 2020-12), then the rest schemas,
 * counts and uniqueness. {@code contains} (ignored by Confluent) is compared too: a reader demanding a
 * matching item must accept what the writer guaranteed.
 */
final class ArrayDiff {
    private ArrayDiff() {
    }

    /** One side's array keywords: the tuple (possibly empty), what follows it, and where each was spelled. */
    record ArrayKeywords(String tupleKeyword, List<SchemaNode> tuple, ContentModel rest, boolean allItems) {

        static ArrayKeywords of(SchemaNode node) {
            JsonNode json = node.json();
            JsonNode prefixItems = json.get("prefixItems");
            JsonNode items = json.get("items");
            if (prefixItems != null && prefixItems.isArray()) {
                return new ArrayKeywords("prefixItems", elements(node, prefixItems), rest(node, "items"), false);
            }
            if (items != null && items.isArray()) {
                return new ArrayKeywords("items", elements(node, items), rest(node, "additionalItems"), false);
            }
            // No tuple: "items" is the schema of every item. (Without "items", everit — hence Confluent —
            // applies "additionalItems" to every item, and so do we.)
            String keyword = items == null && json.has("additionalItems") ? "additionalItems" : "items";
            return new ArrayKeywords("items", List.of(), rest(node, keyword), true);
        }

        private static ContentModel rest(SchemaNode node, String keyword) {
            SchemaNode rest = node.keyword(keyword);
            if (rest != null) {
                return ContentModel.of(rest, keyword);
            }
            SchemaNode unevaluated = node.keyword("unevaluatedItems");
            return unevaluated != null ? ContentModel.of(unevaluated, "unevaluatedItems") : ContentModel.open(keyword);
        }

        private static List<SchemaNode> elements(SchemaNode node, JsonNode array) {
            List<SchemaNode> out = new ArrayList<>();
            array.forEach(e -> out.add(node.child(e)));
            return out;
        }
    }

    static void compare(DiffContext ctx, SchemaNode writerNode, SchemaNode readerNode) {
        ArrayKeywords w = ArrayKeywords.of(writerNode);
        ArrayKeywords r = ArrayKeywords.of(readerNode);
        compareTuples(ctx, w, r);
        compareRest(ctx, w, r);
        JsonNode wj = writerNode.json();
        JsonNode rj = readerNode.json();
        Limits.compare(ctx, "maxItems", JsonValues.whole(wj, "maxItems"), JsonValues.whole(rj, "maxItems"),
                DifferenceType.MAX_ITEMS_ADDED, DifferenceType.MAX_ITEMS_REMOVED,
                DifferenceType.MAX_ITEMS_INCREASED, DifferenceType.MAX_ITEMS_DECREASED);
        Limits.compare(ctx, "minItems", JsonValues.whole(wj, "minItems"), JsonValues.whole(rj, "minItems"),
                DifferenceType.MIN_ITEMS_ADDED, DifferenceType.MIN_ITEMS_REMOVED,
                DifferenceType.MIN_ITEMS_INCREASED, DifferenceType.MIN_ITEMS_DECREASED);
        boolean writerUnique = wj.path("uniqueItems").asBoolean(false);
        boolean readerUnique = rj.path("uniqueItems").asBoolean(false);
        if (writerUnique && !readerUnique) {
            ctx.add("uniqueItems", DifferenceType.UNIQUE_ITEMS_REMOVED);
        } else if (!writerUnique && readerUnique) {
            ctx.add("uniqueItems", DifferenceType.UNIQUE_ITEMS_ADDED);
        }
        try (DiffContext.Scope ignored = ctx.enter("contains")) {
            ShapeDiff.compare(ctx, writerNode.keyword("contains"), readerNode.keyword("contains"));
        }
        Limits.compare(ctx, "maxContains", JsonValues.whole(wj, "maxContains"), JsonValues.whole(rj, "maxContains"),
                DifferenceType.MAX_CONTAINS_ADDED, DifferenceType.MAX_CONTAINS_REMOVED,
                DifferenceType.MAX_CONTAINS_INCREASED, DifferenceType.MAX_CONTAINS_DECREASED);
        Limits.compare(ctx, "minContains", JsonValues.whole(wj, "minContains"), JsonValues.whole(rj, "minContains"),
                DifferenceType.MIN_CONTAINS_ADDED, DifferenceType.MIN_CONTAINS_REMOVED,
                DifferenceType.MIN_CONTAINS_INCREASED, DifferenceType.MIN_CONTAINS_DECREASED);
    }

    private static void compareTuples(DiffContext ctx, ArrayKeywords w, ArrayKeywords r) {
        int common = Math.min(w.tuple().size(), r.tuple().size());
        for (int i = 0; i < Math.max(w.tuple().size(), r.tuple().size()); i++) {
            String keyword = i < r.tuple().size() ? r.tupleKeyword() : w.tupleKeyword();
            try (DiffContext.Scope ignored = ctx.enter(keyword + "/" + i)) {
                if (i < common) {
                    ShapeDiff.compare(ctx, w.tuple().get(i), r.tuple().get(i));
                } else if (i < w.tuple().size()) {
                    MemberDiff.removed(ctx, w.tuple().get(i), r.rest(), ITEM);
                } else {
                    MemberDiff.added(ctx, r.tuple().get(i), w.rest(), false, ITEM);
                }
            }
        }
    }

    private static void compareRest(DiffContext ctx, ArrayKeywords w, ArrayKeywords r) {
        ContentModel.Family family;
        if ("unevaluatedItems".equals(r.rest().keyword())) {
            family = ContentModel.Family.UNEVALUATED_ITEMS;
        } else if (w.allItems() && r.allItems() && "items".equals(r.rest().keyword())) {
            family = ContentModel.Family.ALL_ITEMS;
        } else {
            family = ContentModel.Family.ADDITIONAL_ITEMS;
        }
        try (DiffContext.Scope ignored = ctx.enter(r.rest().keyword())) {
            ContentModel.compare(ctx, w.rest(), r.rest(), family);
        }
    }
}
