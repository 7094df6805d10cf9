package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON Schema drafts. Most spelling differences are told apart by the value itself (draft 4's boolean
 * {@code exclusiveMinimum}, 2020-12's {@code prefixItems}); the draft decides the rest: whether {@code $ref}
 * hides its siblings, and whether {@code $id} is spelled {@code id}.
 */
enum JsonSchemaDraft {
    DRAFT_4, DRAFT_6, DRAFT_7, DRAFT_2019_09, DRAFT_2020_12;

    /** Confluent (everit) reads a schema without {@code $schema} as draft 7, so we do too. */
    static final JsonSchemaDraft DEFAULT = DRAFT_7;

    static JsonSchemaDraft of(JsonNode root) {
        JsonNode declared = root == null ? null : root.get("$schema");
        if (declared == null || !declared.isTextual()) {
            return DEFAULT;
        }
        String uri = declared.asText();
        if (uri.contains("draft-04")) {
            return DRAFT_4;
        } else if (uri.contains("draft-06")) {
            return DRAFT_6;
        } else if (uri.contains("draft-07")) {
            return DRAFT_7;
        } else if (uri.contains("2019-09")) {
            return DRAFT_2019_09;
        } else if (uri.contains("2020-12")) {
            return DRAFT_2020_12;
        }
        return DEFAULT;
    }

    /** Up to draft 7 a {@code $ref} replaces the whole schema object it sits in; later drafts apply both. */
    boolean refHidesSiblings() {
        return compareTo(DRAFT_2019_09) < 0;
    }
}
