package io.registry.core.subject;

import io.registry.core.schema.ParsedSchema;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small LRU of parsed schemas by (context, id), so compatibility checks do not re-parse history on every command. */
final class ParsedSchemaCache {
    private final Map<String, ParsedSchema> entries;

    ParsedSchemaCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ParsedSchema> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Ids are per schema context, so the context is part of the key. */
    ParsedSchema get(String context, int id) {
        return entries.get(context + ':' + id);
    }

    void put(String context, int id, ParsedSchema schema) {
        entries.put(context + ':' + id, schema);
    }
}
